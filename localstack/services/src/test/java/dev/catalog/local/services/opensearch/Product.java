package dev.catalog.local.services.opensearch;

import java.math.BigDecimal;

/** A search document, as small as the capability checks need. */
record Product(String sku, String name, String brand, String category, BigDecimal price, long version) {

    static Product aProduct(String sku, String name, String brand, String category, String price) {
        return new Product(sku, name, brand, category, new BigDecimal(price), 1);
    }

    Product withVersion(long newVersion) {
        return new Product(sku, name, brand, category, price, newVersion);
    }
}
