package dev.catalog.local.seed;

import java.time.Duration;
import java.util.List;

/**
 * What seeding did.
 *
 * @param replayed     products whose Idempotency-Key had been used by an earlier run with the same seed: the API
 *                     answered that run's outcome again and created nothing
 * @param alreadyThere products the API refused as already existing (their SKU, or their key with another body)
 * @param failures     a few of the failures' descriptions
 */
public record SeedReport(Duration elapsed, List<TenantTally> tenants, long requests, long retries, long created,
                         long replayed, long alreadyThere, long failed, List<String> failures) {

    public SeedReport {
        tenants = List.copyOf(tenants);
        failures = List.copyOf(failures);
    }

    public long products() {
        return created + replayed + alreadyThere + failed;
    }

    /**
     * One tenant's catalog as it was seeded.
     *
     * @param inStock products with a positive stock total
     */
    public record TenantTally(String tenant, String currency, int categories, long products, long active, long draft,
                              long discontinued, long inStock, long stockUpdates) {
    }
}
