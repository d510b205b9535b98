package dev.catalog.local.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words and numbers catalogs are generated from ({@code vocabulary.yaml} beside this class): shops with their
 * currency and warehouses, and departments, each a small category tree whose leaves list the products sold there.
 */
public record Vocabulary(List<Shop> shops, List<Department> departments) {

    public Vocabulary {
        shops = List.copyOf(shops);
        departments = List.copyOf(departments);
        if (shops.isEmpty() || departments.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs shops and departments");
        }
    }

    /**
     * A tenant's shop: it prices in one currency and ships from its own warehouses.
     *
     * @param eurRate converts the EUR price ranges of the departments into {@code currency}
     */
    public record Shop(String tenant, String currency, BigDecimal eurRate, List<String> warehouses) {
        public Shop {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(eurRate, "eurRate");
            warehouses = List.copyOf(warehouses);
        }

        Shop withTenant(String otherTenant) {
            return new Shop(otherTenant, currency, eurRate, warehouses);
        }
    }

    /**
     * One department: the root of a category tree, with the brands, product lines, facet attributes and
     * description phrases of everything sold in it.
     *
     * @param features description sentences; {@code {attribute}} stands for the product's value of that attribute
     */
    public record Department(String name, String skuPrefix, List<String> brands, List<String> lines,
                             Map<String, List<String>> attributes, List<String> features, List<String> closers,
                             List<CategoryNode> categories) {
        public Department {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(skuPrefix, "skuPrefix");
            brands = List.copyOf(brands);
            lines = List.copyOf(lines);
            attributes = copy(attributes);
            features = List.copyOf(features);
            closers = List.copyOf(closers);
            categories = List.copyOf(categories);
        }
    }

    /**
     * A category below a department: either a branch ({@code children}) or a leaf ({@code products}).
     *
     * @param attributes attributes its products have beyond the department's (a tent's capacity)
     * @param features   description sentences for its products beyond the department's
     */
    public record CategoryNode(String name, Map<String, List<String>> attributes, List<String> features,
                               List<CategoryNode> children, List<ProductType> products) {
        public CategoryNode {
            Objects.requireNonNull(name, "name");
            attributes = copy(attributes);
            features = features == null ? List.of() : List.copyOf(features);
            children = children == null ? List.of() : List.copyOf(children);
            products = products == null ? List.of() : List.copyOf(products);
            if (children.isEmpty() == products.isEmpty()) {
                throw new IllegalArgumentException("category " + name + " needs either children or products");
            }
        }
    }

    /** A kind of product, with what it costs in EUR: {@code price} is [lowest, highest]. */
    public record ProductType(String name, List<BigDecimal> price) {
        public ProductType {
            Objects.requireNonNull(name, "name");
            price = List.copyOf(price);
            if (price.size() != 2 || price.get(0).compareTo(price.get(1)) > 0 || price.get(0).signum() <= 0) {
                throw new IllegalArgumentException(name + ": price is [lowest, highest], both positive");
            }
        }

        BigDecimal lowest() {
            return price.get(0);
        }

        BigDecimal highest() {
            return price.get(1);
        }
    }

    /** The vocabulary shipped with the runtime. */
    public static Vocabulary standard() {
        try (InputStream yaml = Vocabulary.class.getResourceAsStream("vocabulary.yaml")) {
            if (yaml == null) {
                throw new IllegalStateException("vocabulary.yaml is missing beside " + Vocabulary.class.getName());
            }
            return new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml, Vocabulary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary.yaml", e);
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> attributes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        return Collections.unmodifiableMap(copy);
    }
}
