package dev.catalog.domain.shared;

/** The kinds of aggregate whose events enter the log. The wire name also names the Kafka topic they go to. */
public enum AggregateType {
    PRODUCT("product"),
    CATEGORY("category"),
    INVENTORY("inventory");

    private final String wireName;

    AggregateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AggregateType fromWireName(String wireName) {
        for (AggregateType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown aggregate type: " + wireName);
    }
}
