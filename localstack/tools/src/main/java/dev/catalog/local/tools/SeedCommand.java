package dev.catalog.local.tools;

import dev.catalog.local.cli.AgainstRunningStack;
import dev.catalog.local.cli.RunningStack;
import dev.catalog.local.seed.CatalogGenerator;
import dev.catalog.local.seed.CatalogSeeder;
import dev.catalog.local.seed.SeedPlan;
import dev.catalog.local.seed.SeedReport;
import dev.catalog.local.seed.TenantSeed;
import dev.catalog.local.seed.Vocabulary;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog seed}: a realistic multi-tenant catalog, generated and sent through the command API. */
@Command(name = "seed", description = "Generate a realistic multi-tenant catalog (categories, brands, attributes, prices, "
        + "statuses, stock) and create it through the command API, as each tenant.")
final class SeedCommand extends AgainstRunningStack {

    @Option(names = "--products", defaultValue = "100000", description = "Products in all (default ${DEFAULT-VALUE}).")
    private int products;

    @Option(names = "--tenants", defaultValue = "3", description = "Tenants; the first gets the largest catalog (default ${DEFAULT-VALUE}).")
    private int tenants;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--seed", defaultValue = "42", description = "The same seed gives the same catalog; running it again creates nothing twice (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected int run(RunningStack stack) throws InterruptedException {
        Vocabulary vocabulary = Vocabulary.standard();
        CatalogGenerator generator = new CatalogGenerator(vocabulary, SeedPlan.ofShops(vocabulary, seed, products, tenants));
        PrintStream out = System.out;
        out.printf("Seeding %,d products for %d tenants through %s (seed %d, %d clients)%n", products, tenants,
                stack.api(), seed, clients);
        for (TenantSeed tenant : generator.tenants()) {
            out.printf("  %-20s %s  %2d categories  %,7d products%n", tenant.tenant(), tenant.currency(),
                    tenant.categories().size(), tenant.products());
        }
        SeedReport report = new CatalogSeeder(stack.client(), clients)
                .seed(generator, new ProgressBar(out, System.console() != null));
        print(report, stack, out);
        return report.failed() == 0 ? 0 : 1;
    }

    private static void print(SeedReport report, RunningStack stack, PrintStream out) {
        double seconds = report.elapsed().toMillis() / 1000.0;
        out.printf("%nSeeded %,d products in %s: %,.0f products/s, %,.0f requests/s%n", report.products(),
                ProgressBar.duration(report.elapsed()), report.products() / seconds, report.requests() / seconds);
        out.printf("  %-20s %-8s %10s %9s %8s %7s %12s %9s %13s%n", "tenant", "currency", "categories", "products",
                "active", "draft", "discontinued", "in stock", "stock updates");
        for (SeedReport.TenantTally tenant : report.tenants()) {
            out.printf("  %-20s %-8s %10d %,9d %,8d %,7d %,12d %,9d %,13d%n", tenant.tenant(), tenant.currency(),
                    tenant.categories(), tenant.products(), tenant.active(), tenant.draft(), tenant.discontinued(),
                    tenant.inStock(), tenant.stockUpdates());
        }
        out.printf("  requests %,d (retries %,d); products created %,d, replayed from an earlier run %,d, already there %,d, failed %,d%n",
                report.requests(), report.retries(), report.created(), report.replayed(), report.alreadyThere(), report.failed());
        report.failures().forEach(failure -> out.println("  failure: " + failure));
        String first = report.tenants().getFirst().tenant();
        out.printf("%nTry it:  TOKEN=$(./catalog token --tenant %s)%n", first);
        out.printf("         curl -s \"%s/products/search?q=running+shoes\" -H \"Authorization: Bearer $TOKEN\"%n", stack.api());
    }
}
