package dev.catalog.local.seed;

import java.util.List;

/**
 * One tenant's part of a generated catalog: its shop, its category tree (parents before children) and how many
 * products it gets.
 */
public record TenantSeed(int index, String tenant, String currency, List<String> warehouses,
                         List<CategorySeed> categories, List<String> brands, int products) {

    public TenantSeed {
        warehouses = List.copyOf(warehouses);
        categories = List.copyOf(categories);
        brands = List.copyOf(brands);
    }
}
