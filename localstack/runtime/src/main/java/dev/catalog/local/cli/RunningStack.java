package dev.catalog.local.cli;

import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.rebuilds.RebuildControl;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackPorts;
import dev.catalog.local.stack.StackSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** The stack {@code ./catalog up} is running, as the commands that work against it reach it. */
public record RunningStack(long pid, StackPorts ports, LocalTokenIssuer tokens) {

    /** The running stack; empty (and a hint printed on standard error) when there is none. */
    public static Optional<RunningStack> find() {
        Optional<StackRecord> running = StackRecord.running(CatalogCommand.projectDir());
        if (running.isEmpty()) {
            System.err.println("Catalog is not running: start it with ./catalog up");
            return Optional.empty();
        }
        StackSettings settings = StackSettings.local(CatalogCommand.projectDir(), false);
        LocalSigningKey key = LocalSigningKey.loadOrCreate(settings.layout().dataDir("auth"));
        return Optional.of(new RunningStack(running.get().pid(), running.get().ports(), new LocalTokenIssuer(key, Clock.systemUTC())));
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + ports.api());
    }

    public CatalogClient client() {
        return new CatalogClient(api(), tokens::issue);
    }

    public PostgresConnection database() {
        return PostgresServer.connectionOnPort(ports.postgres());
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** Rebuilds and rollbacks through the stack's AWS endpoint; the caller closes it. */
    public RebuildControl rebuilds() {
        return new RebuildControl(URI.create("http://127.0.0.1:" + ports.aws()));
    }

    /** What {@code ./catalog status --json} prints. */
    public URI status() {
        return LocalStack.statusUrl(ports);
    }

    public URI openSearch() {
        return URI.create("http://127.0.0.1:" + ports.openSearch());
    }
}
