package dev.catalog.rebuild;

import dev.catalog.platform.config.Environment;

/**
 * How many RETIRED versions of each projection are kept after a cut-over or a rollback ({@code RETIRED_VERSIONS_KEPT},
 * default 1: the one a rollback goes back to). Nothing writes them; older ones are dropped.
 */
final class RetiredVersions {

    private RetiredVersions() {
    }

    static int kept() {
        String kept = Environment.optional("RETIRED_VERSIONS_KEPT").orElse(Integer.toString(Rebuilds.RETIRED_KEPT)).strip();
        if (!kept.matches("\\d{1,3}")) {
            throw new IllegalStateException("RETIRED_VERSIONS_KEPT must be a whole number of 0 or more, not " + kept);
        }
        return Integer.parseInt(kept);
    }
}
