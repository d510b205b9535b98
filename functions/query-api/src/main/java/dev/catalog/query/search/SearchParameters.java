package dev.catalog.query.search;

import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Gtin;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.Text;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.http.FieldError;
import dev.catalog.platform.http.ProblemException;
import dev.catalog.platform.http.QueryParameters;
import dev.catalog.platform.http.Uuids;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code GET /products/search}'s query parameters into {@link SearchCriteria}, reporting every invalid one
 * at once as a 400 {@code invalid_request} that names it. A parameter sent with an empty value counts as not
 * sent; an unknown parameter is an error, so a misspelt filter ({@code brnad=Acme}) is not silently ignored.
 */
final class SearchParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** As long as a product name: no real query needs more, and a long one is a costly one. */
    static final int MAX_TEXT_LENGTH = ProductName.MAX_LENGTH;
    /** Values of one repeatable parameter. */
    static final int MAX_VALUES = 20;
    /** Attribute names per search: as many as a product can have. */
    static final int MAX_ATTRIBUTES = Attributes.MAX_ENTRIES;
    /** A brand or an attribute value: as long as the model lets either be. */
    static final int MAX_VALUE_LENGTH = Math.max(Brand.MAX_LENGTH, Attributes.MAX_VALUE_LENGTH);

    private static final String ATTRIBUTE_PREFIX = "attr.";
    private static final Set<String> PARAMETERS = Set.of("q", "gtin", "category", "brand", "minPrice", "maxPrice", "inStock",
            "status", "sort", "limit", "facets", "cursor");
    /** Non-negative, with as many whole digits and decimals as prices can have. */
    private static final Pattern PRICE = Pattern.compile(
            "\\d{1," + Price.MAX_INTEGER_DIGITS + "}(\\.\\d{1," + Price.MAX_DECIMALS + "})?");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private final QueryParameters parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private SearchParameters(QueryParameters parameters) {
        this.parameters = parameters;
    }

    static SearchCriteria read(QueryParameters parameters, TenantId tenant) {
        return new SearchParameters(parameters).criteria(tenant);
    }

    private SearchCriteria criteria(TenantId tenant) {
        for (String name : parameters.names()) {
            if (!PARAMETERS.contains(name) && !name.startsWith(ATTRIBUTE_PREFIX)) {
                error(name, "is not a parameter of this search; use q, gtin, category, brand, minPrice, maxPrice, inStock, attr.<name>, status, sort, limit, facets or cursor");
            }
        }
        String text = text();
        Gtin gtin = gtin();
        UUID category = category();
        SortedSet<String> brands = values("brand");
        BigDecimal minPrice = price("minPrice");
        BigDecimal maxPrice = price("maxPrice");
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            error("minPrice", "must not be greater than maxPrice");
        }
        Boolean inStock = bool("inStock");
        SortedMap<String, SortedSet<String>> attributes = attributes();
        SortedSet<String> statuses = statuses();
        SearchSort sort = sort(text);
        int limit = limit();
        boolean facets = !Boolean.FALSE.equals(bool("facets"));
        String cursor = single("cursor");
        throwIfInvalid();

        SearchCriteria criteria = new SearchCriteria(text, gtin, category, brands, minPrice, maxPrice, inStock, attributes,
                statuses, sort, limit, facets, null);
        if (cursor == null) {
            return criteria;
        }
        List<Object> after = SearchCursor.decode(cursor, criteria.fingerprint(tenant.value()), sort);
        return new SearchCriteria(text, gtin, category, brands, minPrice, maxPrice, inStock, attributes, statuses, sort, limit,
                facets, after);
    }

    private String text() {
        String q = single("q");
        if (q == null) {
            return null;
        }
        String text = q.strip();
        if (Text.length(text) > MAX_TEXT_LENGTH) {
            error("q", "has at most " + MAX_TEXT_LENGTH + " characters");
            return null;
        }
        if (Text.hasControlCharacters(text, "") || Text.hasLoneSurrogates(text)) {
            error("q", "must not contain control characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private Gtin gtin() {
        String gtin = single("gtin");
        if (gtin == null) {
            return null;
        }
        try {
            return new Gtin(gtin);
        } catch (InvalidValueException e) {
            error("gtin", e.getMessage());
            return null;
        }
    }

    private UUID category() {
        String category = single("category");
        if (category == null) {
            return null;
        }
        if (!Uuids.isCanonical(category)) {
            error("category", "must be a category id, a UUID such as 3f2c1a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c");
            return null;
        }
        return UUID.fromString(category);
    }

    private BigDecimal price(String name) {
        String price = single(name);
        if (price == null) {
            return null;
        }
        if (!PRICE.matcher(price).matches()) {
            error(name, "must be an amount such as 19.99: digits, at most " + Price.MAX_DECIMALS + " decimals, not negative");
            return null;
        }
        return new BigDecimal(price);
    }

    /** Exactly {@code true} or {@code false}; null when absent. */
    private Boolean bool(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                error(name, "must be true or false");
                yield null;
            }
        };
    }

    private SortedMap<String, SortedSet<String>> attributes() {
        SortedMap<String, SortedSet<String>> attributes = new TreeMap<>();
        for (String parameter : parameters.names()) {
            if (!parameter.startsWith(ATTRIBUTE_PREFIX)) {
                continue;
            }
            String name = parameter.substring(ATTRIBUTE_PREFIX.length());
            if (!Attributes.isName(name)) {
                error(parameter, "names an attribute as products do: " + Attributes.NAME_FORM);
                continue;
            }
            SortedSet<String> values = values(parameter);
            if (!values.isEmpty()) {
                attributes.put(name, values);
            }
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            error(ATTRIBUTE_PREFIX + "*", "at most " + MAX_ATTRIBUTES + " attributes can be filtered on at once");
        }
        return attributes;
    }

    private SearchSort sort(String text) {
        String sort = single("sort");
        if (sort == null) {
            // Without words there is no relevance to rank by: an alphabetical list is what browsing expects.
            return text == null ? SearchSort.NAME : SearchSort.RELEVANCE;
        }
        return SearchSort.fromWireName(sort).orElseGet(() -> {
            error("sort", "must be one of " + String.join(", ", SearchSort.wireNames()));
            return SearchSort.RELEVANCE;
        });
    }

    private int limit() {
        String limit = single("limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int value = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (value < 1 || value > MAX_LIMIT) {
            error("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            return DEFAULT_LIMIT;
        }
        return value;
    }

    /** The one non-empty value of a parameter that may be given once, or null. */
    private String single(String name) {
        List<String> values = parameters.values(name).stream().filter(value -> !value.isEmpty()).toList();
        if (values.size() > 1) {
            error(name, "must be given at most once");
            return null;
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    /** The product statuses to search, each one the model knows; empty for all. */
    private SortedSet<String> statuses() {
        SortedSet<String> statuses = values("status");
        Set<String> known = Arrays.stream(ProductStatus.values()).map(Enum::name).collect(Collectors.toSet());
        if (!known.containsAll(statuses)) {
            error("status", "takes DRAFT, ACTIVE or DISCONTINUED");
        }
        return statuses;
    }

    /** The distinct non-empty values of a repeatable parameter. */
    private SortedSet<String> values(String name) {
        SortedSet<String> values = new TreeSet<>();
        for (String value : parameters.values(name)) {
            if (value.isEmpty()) {
                continue;
            }
            if (Text.length(value) > MAX_VALUE_LENGTH || Text.hasControlCharacters(value, "") || Text.hasLoneSurrogates(value)) {
                error(name, "values have 1 to " + MAX_VALUE_LENGTH + " characters, without control characters");
                continue;
            }
            values.add(value);
        }
        if (values.size() > MAX_VALUES) {
            error(name, "takes at most " + MAX_VALUES + " values");
        }
        return values;
    }

    private void error(String field, String message) {
        errors.add(FieldError.invalid(field, message));
    }

    private void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
    }
}
