package dev.catalog.domain.product;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.shared.Change;
import java.util.Objects;

/** The command to change some of a product's details; every property not mentioned is kept. */
public record ProductRevision(
        Change<ProductName> name,
        Change<Description> description,
        Change<Brand> brand,
        Change<CategoryId> category,
        Change<Attributes> attributes,
        Change<Gtin> gtin) {

    public ProductRevision {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(attributes, "attributes");
        if (name instanceof Change.Clear<ProductName>) {
            throw new IllegalArgumentException("a product's name can be changed, not removed");
        }
    }
}
