package dev.catalog.domain.shared;

/**
 * Why a command was refused, as the stable machine-readable code clients see in a problem's {@code code}.
 * The HTTP status is decided at the edge from the kind of {@link Rejection}, never from the code.
 */
public enum RejectionCode {
    NOT_FOUND("not_found"),
    VERSION_MISMATCH("version_mismatch"),
    DUPLICATE_SKU("duplicate_sku"),
    DUPLICATE_GTIN("duplicate_gtin"),
    CATEGORY_NAME_TAKEN("category_name_taken"),
    PRICE_NOT_POSITIVE("price_not_positive"),
    PRICE_PRECISION("price_precision"),
    PRICE_TOO_LARGE("price_too_large"),
    CURRENCY_UNKNOWN("currency_unknown"),
    SKU_INVALID("sku_invalid"),
    GTIN_INVALID("gtin_invalid"),
    GTIN_CHECK_DIGIT("gtin_check_digit"),
    NAME_INVALID("name_invalid"),
    DESCRIPTION_INVALID("description_invalid"),
    BRAND_INVALID("brand_invalid"),
    ATTRIBUTES_INVALID("attributes_invalid"),
    INVALID_STATUS_TRANSITION("invalid_status_transition"),
    PRODUCT_DISCONTINUED("product_discontinued"),
    CATEGORY_NOT_FOUND("category_not_found"),
    CATEGORY_CYCLE("category_cycle"),
    CATEGORY_TOO_DEEP("category_too_deep"),
    QUANTITY_NEGATIVE("quantity_negative"),
    QUANTITY_TOO_LARGE("quantity_too_large"),
    WAREHOUSE_INVALID("warehouse_invalid");

    private final String wireName;

    RejectionCode(String wireName) {
        this.wireName = wireName;
    }

    /** The code as it appears on the wire, e.g. {@code price_not_positive}. */
    public String wireName() {
        return wireName;
    }
}
