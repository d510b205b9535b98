package dev.catalog.systemtest.support;

import java.util.UUID;

/** Every test works in tenants of its own, so tests sharing one database never see each other's data. */
public final class Tenants {

    private Tenants() {
    }

    public static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
