package dev.catalog.local.cli;

import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.stack.StackSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog token --tenant acme}: a bearer token the local API accepts. */
@Command(name = "token", description = "Print a token the local API accepts (issuer catalog-local, audience catalog-api, one hour).")
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "The tenant_id claim.")
    private String tenant;

    @Override
    public Integer call() {
        StackSettings settings = StackSettings.local(CatalogCommand.projectDir(), false);
        LocalSigningKey key = LocalSigningKey.loadOrCreate(settings.layout().dataDir("auth"));
        System.out.println(new LocalTokenIssuer(key, Clock.systemUTC()).issue(tenant));
        return 0;
    }
}
