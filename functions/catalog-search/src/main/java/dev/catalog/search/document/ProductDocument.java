package dev.catalog.search.document;

/**
 * A product's search document ({@code _id} = product id) in {@code products_v<N>}: the parts written by the
 * events of the product and of its inventory, each with the aggregate version it was written at.
 *
 * <p>{@code product} is absent while only stock events have arrived (such a partial document is never
 * returned), and is a tombstone once the product is deleted. Category names are not copied in: the search
 * resolves them from the category registry at query time.
 *
 * @param product   null until the product's first event arrives
 * @param inventory null until the product's first stock event arrives: no stock
 */
public record ProductDocument(String tenantId, String productId, ProductPart product, InventoryPart inventory,
                              Versions versions) {

    /** The aggregate version each part was last written at; null for a part never written. */
    public record Versions(Long product, Long inventory) {
    }
}
