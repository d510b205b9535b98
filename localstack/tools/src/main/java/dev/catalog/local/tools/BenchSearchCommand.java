package dev.catalog.local.tools;

import dev.catalog.local.bench.SearchBenchmark;
import dev.catalog.local.cli.AgainstRunningStack;
import dev.catalog.local.cli.RunningStack;
import dev.catalog.local.seed.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog bench search}: search and product detail p50/p99 through the HTTP API, on a seeded catalog. */
@Command(name = "search", description = "Search (words, typos, prefixes, filters, browsing) and GET /products/{id} p50/p99 "
        + "through the local HTTP API, on a catalog seeded with ./catalog seed.")
final class BenchSearchCommand extends AgainstRunningStack {

    @Option(names = "--tenant", description = "The tenant searched (default: the largest of ./catalog seed, alpine-outfitters).")
    private String tenant;

    @Option(names = "--min-products", defaultValue = "100000", description = "Refuse to run on a catalog smaller than this (default ${DEFAULT-VALUE}).")
    private long minProducts;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--requests", defaultValue = "500", description = "Requests measured per scenario (default ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--warmup", defaultValue = "100", description = "Requests not measured before each scenario (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Override
    protected int run(RunningStack stack) throws Exception {
        String searched = tenant != null ? tenant : Vocabulary.standard().shops().getFirst().tenant();
        boolean ran = new SearchBenchmark(new SearchBenchmark.Settings(stack.client(), stack.database(), searched,
                minProducts, clients, requests, warmup, 42)).run(System.out);
        return ran ? 0 : 2;
    }
}
