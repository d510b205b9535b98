package dev.catalog.command.product;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.Gtin;
import dev.catalog.domain.product.NewProduct;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductRevision;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.http.ApiRequest;
import dev.catalog.platform.http.DomainValues;
import dev.catalog.platform.http.JsonBody;
import dev.catalog.platform.http.ProblemException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Product command bodies to commands: first the shape (400 for missing, mistyped or unknown properties), then
 * the values (422 with the code of each rule a value breaks).
 */
final class ProductRequests {

    private static final Set<String> NEW_PRODUCT = Set.of("sku", "gtin", "name", "description", "brand", "categoryId",
            "price", "attributes", "status");
    private static final Set<String> REVISION = Set.of("gtin", "name", "description", "brand", "categoryId", "attributes");
    private static final Set<String> PRICE = Set.of("amount", "currency");

    private ProductRequests() {
    }

    static ProductId productId(ApiRequest request) {
        return new ProductId(request.pathUuid("id"));
    }

    static NewProduct newProduct(ApiRequest request, IdSource ids) {
        JsonBody body = request.jsonBody().allowOnly(NEW_PRODUCT);
        String sku = body.requiredText("sku");
        String gtin = body.optionalText("gtin");
        String name = body.requiredText("name");
        String description = body.optionalText("description");
        String brand = body.optionalText("brand");
        var categoryId = body.optionalUuid("categoryId");
        JsonBody price = body.requiredObject("price").allowOnly(PRICE);
        BigDecimal amount = price.requiredDecimal("amount");
        String currency = price.requiredText("currency");
        Map<String, String> attributes = body.optionalStringMap("attributes");
        ProductStatus status = status(body.optionalText("status"));
        body.throwIfInvalid();

        DomainValues values = new DomainValues();
        Sku validSku = values.of("sku", () -> new Sku(sku));
        Gtin validGtin = values.ofNullable("gtin", gtin, Gtin::new);
        ProductName validName = values.of("name", () -> new ProductName(name));
        Description validDescription = values.ofNullable("description", description, Description::new);
        Brand validBrand = values.ofNullable("brand", brand, Brand::new);
        Price validPrice = values.of("price", () -> Price.of(amount, currency));
        Attributes validAttributes = attributes == null ? Attributes.NONE : values.of("attributes", () -> Attributes.of(attributes));
        values.throwIfInvalid();
        NewProduct command = new NewProduct(new ProductId(ids.newId()), validSku, validGtin, validName, validDescription, validBrand,
                categoryId == null ? null : new CategoryId(categoryId), validPrice, validAttributes, status);
        return command;
    }

    static ProductRevision revision(ApiRequest request) {
        JsonBody body = request.jsonBody().allowOnly(REVISION);
        if (body.isEmpty()) {
            throw ProblemException.invalidRequest("body", "name at least one of " + REVISION + " to change");
        }
        Change<String> gtin = body.textChange("gtin");
        Change<String> name = body.textChange("name");
        Change<String> description = body.textChange("description");
        Change<String> brand = body.textChange("brand");
        Change<java.util.UUID> categoryId = body.uuidChange("categoryId");
        Change<Map<String, String>> attributes = body.stringMapChange("attributes");
        if (name instanceof Change.Clear<String>) {
            throw ProblemException.invalidRequest("name", "a product's name can be changed, not removed");
        }
        body.throwIfInvalid();

        DomainValues values = new DomainValues();
        ProductRevision revision = new ProductRevision(
                map(values, "name", name, ProductName::new),
                map(values, "description", description, Description::new),
                map(values, "brand", brand, Brand::new),
                map(values, "categoryId", categoryId, CategoryId::new),
                map(values, "attributes", attributes, Attributes::of),
                map(values, "gtin", gtin, Gtin::new));
        values.throwIfInvalid();
        return revision;
    }

    static Price price(ApiRequest request) {
        JsonBody body = request.jsonBody().allowOnly(PRICE);
        BigDecimal amount = body.requiredDecimal("amount");
        String currency = body.requiredText("currency");
        body.throwIfInvalid();
        DomainValues values = new DomainValues();
        Price price = values.of("amount", () -> Price.of(amount, currency));
        values.throwIfInvalid();
        return price;
    }

    private static ProductStatus status(String status) {
        if (status == null) {
            return ProductStatus.DRAFT;
        }
        try {
            return ProductStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidRequest("status", "must be DRAFT or ACTIVE");
        }
    }

    /** A change of raw input to a change of a value object; a refused value leaves the property as it is. */
    private static <I, T> Change<T> map(DomainValues values, String field, Change<I> change, Function<I, T> construct) {
        return switch (change) {
            case Change.SetTo<I> set -> {
                T value = values.of(field, () -> construct.apply(set.value()));
                yield value == null ? Change.keep() : Change.setTo(value);
            }
            case Change.Clear<I> clear -> Change.clear();
            case Change.Keep<I> keep -> Change.keep();
        };
    }
}
