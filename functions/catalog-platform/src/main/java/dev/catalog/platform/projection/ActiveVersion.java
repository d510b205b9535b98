package dev.catalog.platform.projection;

import java.util.Objects;

/**
 * A version of a projection the live path writes to: the LIVE one, any BUILDING one (the dual write that keeps a
 * rebuild's target current while replay catches up), and the newest RETIRED one (so a rollback finds it current).
 *
 * @param target the physical target: schema {@code read_v<N>} or index version {@code products_v<N>}
 */
public record ActiveVersion(String projection, int version, String status, String target) {

    public ActiveVersion {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(target, "target");
    }
}
