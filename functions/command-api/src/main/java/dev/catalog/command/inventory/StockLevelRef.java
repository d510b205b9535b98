package dev.catalog.command.inventory;

/** The answer to a stock change: the level now held, and the inventory's version. */
public record StockLevelRef(String productId, String warehouse, long quantity, long version) {
}
