package dev.catalog.search.document;

/**
 * Paths of the indexed fields that queries use, as {@code infra/opensearch/products-index.json} maps them.
 * Reading and writing go through the document records; only queries name fields by path. Text is indexed twice:
 * stemmed ({@code name}: "running" is "run") for matching word forms, and only folded ({@code name.folded}:
 * lower case, no accents) for typo tolerance, which compares what was typed with the words as written.
 */
public final class SearchFields {

    public static final String TENANT_ID = "tenantId";
    public static final String PRODUCT_ID = "productId";

    public static final String DELETED = "product.deleted";
    public static final String SKU = "product.sku";
    /** The GTIN in its 14-digit form; only in indices built from a definition that has it. */
    public static final String GTIN_KEY = "product.gtinKey";
    public static final String NAME = "product.name";
    public static final String NAME_FOLDED = "product.name.folded";
    public static final String NAME_AUTOCOMPLETE = "product.name.autocomplete";
    public static final String NAME_SORT = "product.name.sort";
    public static final String DESCRIPTION = "product.description";
    public static final String DESCRIPTION_FOLDED = "product.description.folded";
    public static final String BRAND = "product.brand";
    public static final String BRAND_TEXT = "product.brand.text";
    public static final String BRAND_FOLDED = "product.brand.folded";
    public static final String CATEGORY_ID = "product.categoryId";
    public static final String PRICE = "product.price.value";
    public static final String ATTRIBUTE_FACETS = "product.attributeFacets";
    public static final String CREATED_AT = "product.createdAt";
    public static final String STATUS = "product.status";
    public static final String IN_STOCK = "inventory.inStock";
    /** The aggregate version each part of a document was written from (absent: the part was never written). */
    public static final String PRODUCT_VERSION = "versions.product";
    public static final String INVENTORY_VERSION = "versions.inventory";

    private SearchFields() {
    }
}
