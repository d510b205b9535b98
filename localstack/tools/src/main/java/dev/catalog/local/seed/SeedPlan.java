package dev.catalog.local.seed;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What to generate: {@code products} products spread over {@code tenants}, every value drawn from {@code seed}.
 * The same plan always gives the same catalog.
 *
 * @param tenants the tenant ids, largest catalog first; each gets the shop of the vocabulary at its position
 */
public record SeedPlan(long seed, int products, List<String> tenants) {

    public SeedPlan {
        tenants = List.copyOf(tenants);
        if (products < 0) {
            throw new IllegalArgumentException("products must not be negative: " + products);
        }
        if (tenants.isEmpty() || tenants.stream().distinct().count() != tenants.size()) {
            throw new IllegalArgumentException("a plan needs one or more distinct tenants: " + tenants);
        }
        tenants.forEach(tenant -> Objects.requireNonNull(tenant, "tenant"));
    }

    /** The first {@code count} shops of the vocabulary, as tenants ({@code alpine-outfitters}, {@code tokyo-gear}...). */
    public static SeedPlan ofShops(Vocabulary vocabulary, long seed, int products, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one tenant, not " + count);
        }
        List<String> tenants = IntStream.range(0, count)
                .mapToObj(i -> i < vocabulary.shops().size() ? vocabulary.shops().get(i).tenant()
                        : vocabulary.shops().get(i % vocabulary.shops().size()).tenant() + "-" + (i / vocabulary.shops().size() + 1))
                .toList();
        return new SeedPlan(seed, products, tenants);
    }
}
