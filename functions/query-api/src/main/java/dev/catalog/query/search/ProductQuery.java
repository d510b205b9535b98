package dev.catalog.query.search;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.search.document.AttributeFacets;
import dev.catalog.search.document.SearchFields;
import dev.catalog.search.index.SearchIndices;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.AggregationRange;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;

/**
 * The OpenSearch request for one page of a search.
 *
 * <ul>
 *   <li>{@code query}: the tenant, live products only (no tombstones, no product-less partial documents), and the
 *       words. Words are only ever analyzed as text (match queries, never query_string), so {@code AND}, quotes,
 *       {@code *} or {@code :} are just characters.</li>
 *   <li>{@code post_filter}: the facet filters (category, brand, price, stock, attributes), applied to the hits
 *       after the aggregations have seen the query's matches.</li>
 *   <li>one {@code filter} aggregation per facet, holding every facet filter except its own: a facet's counts
 *       say what choosing another value of it would give, with all other choices kept.</li>
 * </ul>
 */
final class ProductQuery {

    static final String CATEGORY_FACET = "category";
    static final String BRAND_FACET = "brand";
    static final String PRICE_FACET = "price";
    static final String IN_STOCK_FACET = "inStock";
    /** Values of every attribute not filtered on, under all filters. */
    static final String ATTRIBUTES_FACET = "attributes";
    /** Prefix of the facet of one attribute that is filtered on, which must ignore its own filter. */
    static final String ATTRIBUTE_FACET_PREFIX = "attr:";
    /** The bucket aggregation inside each facet's filter aggregation. */
    static final String VALUES = "values";

    static final int BRAND_BUCKETS = 100;
    static final int ATTRIBUTE_BUCKETS = 500;
    static final int ONE_ATTRIBUTE_BUCKETS = 100;

    /** Whole-field highlights for names; two fragments of about 150 characters for descriptions. */
    private static final int DESCRIPTION_FRAGMENT = 150;

    private ProductQuery() {
    }

    /**
     * Asks for one product more than the page shows: its presence says whether there is a next page.
     *
     * @param categoryScope with a category filter, that category and all below it, from the registry; else unused
     */
    static SearchRequest of(TenantId tenant, SearchCriteria criteria, Set<String> categoryScope) {
        Map<String, Query> facetFilters = facetFilters(criteria, categoryScope);
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(SearchIndices.PRODUCTS_ALIAS)
                .query(scope(tenant, criteria))
                .sort(criteria.sort().sortOptions())
                .size(criteria.limit() + 1)
                .trackTotalHits(total -> total.enabled(true))
                .source(source -> source.filter(filter -> filter.excludes("product.attributeFacets")));
        if (!facetFilters.isEmpty()) {
            request.postFilter(all(facetFilters.values()));
        }
        if (criteria.facets()) {
            facets(criteria, facetFilters).forEach(request::aggregations);
        }
        if (criteria.after() != null) {
            request.searchAfter(criteria.after().stream().map(ProductQuery::fieldValue).toList());
        }
        criteria.textQuery().ifPresent(text -> request.highlight(highlight -> highlight
                .encoder(HighlighterEncoder.Html)
                .preTags("<em>").postTags("</em>")
                .fields(SearchFields.NAME, field -> field.numberOfFragments(0))
                .fields(SearchFields.NAME_FOLDED, field -> field.numberOfFragments(0))
                .fields(SearchFields.NAME_AUTOCOMPLETE, field -> field.numberOfFragments(0))
                .fields(SearchFields.DESCRIPTION, field -> field.fragmentSize(DESCRIPTION_FRAGMENT).numberOfFragments(2))
                .fields(SearchFields.DESCRIPTION_FOLDED, field -> field.fragmentSize(DESCRIPTION_FRAGMENT).numberOfFragments(2))));
        return request.build();
    }

    private static Query scope(TenantId tenant, SearchCriteria criteria) {
        return Query.of(query -> query.bool(bool -> {
            bool.filter(term(SearchFields.TENANT_ID, FieldValue.of(tenant.value())))
                    // Only a live product part has deleted=false: tombstones say true, partial documents nothing.
                    .filter(term(SearchFields.DELETED, FieldValue.FALSE));
            // A scope, not a facet: which products a shopper may see at all, so totals and facets count only those.
            if (!criteria.statuses().isEmpty()) {
                bool.filter(terms(SearchFields.STATUS, criteria.statuses()));
            }
            // A scanner's lookup: exact, on the 14-digit form, so any written length of the number finds it.
            if (criteria.gtin() != null) {
                bool.filter(term(SearchFields.GTIN_KEY, FieldValue.of(criteria.gtin().key())));
            }
            criteria.textQuery().ifPresent(text -> bool.must(words(text)));
            return bool;
        }));
    }

    /**
     * Relevance over SKU, name, brand and description; a document must match one of these ways:
     * <ul>
     *   <li>its SKU is the text (ignoring case): a constant score that outranks any text match;</li>
     *   <li>every word, in some form, somewhere across name, brand and description (stemmed fields);</li>
     *   <li>every word, allowing typos, within one of those fields. Fuzziness AUTO allows one edit from 3
     *       letters, two from 6, with the first letter right; it runs on the unstemmed fields, because a typo
     *       changes how a word stems ("raicng" does not stem to "race");</li>
     *   <li>every word as the start of a word of the name: what autocomplete sends while the user types.</li>
     * </ul>
     * The name containing the words as a phrase adds to the score.
     */
    private static Query words(String text) {
        List<String> stemmed = List.of(SearchFields.NAME + "^3", SearchFields.BRAND_TEXT + "^2", SearchFields.DESCRIPTION);
        List<String> folded = List.of(SearchFields.NAME_FOLDED + "^3", SearchFields.BRAND_FOLDED + "^2", SearchFields.DESCRIPTION_FOLDED);
        return Query.of(query -> query.bool(bool -> bool
                .should(should -> should.constantScore(exact -> exact
                        .filter(filter -> filter.match(match -> match.field(SearchFields.SKU).query(FieldValue.of(text))))
                        .boost(100f)))
                .should(should -> should.multiMatch(match -> match.query(text).fields(stemmed)
                        .type(TextQueryType.CrossFields).operator(Operator.And)))
                .should(should -> should.multiMatch(match -> match.query(text).fields(folded)
                        .type(TextQueryType.BestFields).operator(Operator.And)
                        .fuzziness("AUTO").prefixLength(1)))
                .should(should -> should.match(match -> match.field(SearchFields.NAME_AUTOCOMPLETE)
                        .query(FieldValue.of(text)).operator(Operator.And)))
                .should(should -> should.matchPhrase(phrase -> phrase.field(SearchFields.NAME).query(text).boost(2f)))
                .minimumShouldMatch("1")));
    }

    /** The filter of each facet the search narrows, by facet name. */
    private static Map<String, Query> facetFilters(SearchCriteria criteria, Set<String> categoryScope) {
        Map<String, Query> filters = new LinkedHashMap<>();
        if (criteria.category() != null) {
            // Unknown to the registry (not arrived yet, or not there at all): the id alone, which may match nothing.
            filters.put(CATEGORY_FACET, terms(SearchFields.CATEGORY_ID, categoryScope));
        }
        if (!criteria.brands().isEmpty()) {
            filters.put(BRAND_FACET, terms(SearchFields.BRAND, criteria.brands()));
        }
        if (criteria.minPrice() != null || criteria.maxPrice() != null) {
            filters.put(PRICE_FACET, Query.of(query -> query.range(range -> {
                range.field(SearchFields.PRICE);
                if (criteria.minPrice() != null) {
                    range.gte(JsonData.of(criteria.minPrice()));
                }
                if (criteria.maxPrice() != null) {
                    range.lte(JsonData.of(criteria.maxPrice()));
                }
                return range;
            })));
        }
        if (criteria.inStock() != null) {
            filters.put(IN_STOCK_FACET, criteria.inStock() ? inStock() : outOfStock());
        }
        criteria.attributes().forEach((name, values) -> filters.put(ATTRIBUTE_FACET_PREFIX + name,
                terms(SearchFields.ATTRIBUTE_FACETS, values.stream().map(value -> AttributeFacets.keyword(name, value)).toList())));
        return filters;
    }

    private static Map<String, Aggregation> facets(SearchCriteria criteria, Map<String, Query> filters) {
        Map<String, Aggregation> facets = new LinkedHashMap<>();
        facets.put(CATEGORY_FACET, facet(filtersExcept(filters, CATEGORY_FACET), Aggregation.of(values -> values
                .terms(terms -> terms.field(SearchFields.CATEGORY_ID).size(CategoryRegistry.MAX_CATEGORIES)))));
        facets.put(BRAND_FACET, facet(filtersExcept(filters, BRAND_FACET), Aggregation.of(values -> values
                .terms(terms -> terms.field(SearchFields.BRAND).size(BRAND_BUCKETS)))));
        facets.put(PRICE_FACET, facet(filtersExcept(filters, PRICE_FACET), Aggregation.of(values -> values
                .range(range -> range.field(SearchFields.PRICE).ranges(PriceBucket.ALL.stream().map(ProductQuery::range).toList())))));
        facets.put(IN_STOCK_FACET, facet(filtersExcept(filters, IN_STOCK_FACET), Aggregation.of(values -> values
                .filters(buckets -> buckets.filters(keyed -> keyed.keyed(Map.of("true", inStock(), "false", outOfStock())))))));
        // Every filter, attribute filters included: this facet serves the attributes not filtered on, whose counts
        // must reflect every choice made (a size facet under attr.color=red counts red products only).
        facets.put(ATTRIBUTES_FACET, facet(List.copyOf(filters.values()), Aggregation.of(values -> values
                .terms(terms -> terms.field(SearchFields.ATTRIBUTE_FACETS).size(ATTRIBUTE_BUCKETS)))));
        for (String name : criteria.attributes().keySet()) {
            String facet = ATTRIBUTE_FACET_PREFIX + name;
            facets.put(facet, facet(filtersExcept(filters, facet), Aggregation.of(values -> values
                    .terms(terms -> terms.field(SearchFields.ATTRIBUTE_FACETS).size(ONE_ATTRIBUTE_BUCKETS)
                            .include(include -> include.regexp(AttributeFacets.keywordsOf(name)))))));
        }
        return facets;
    }

    private static Aggregation facet(List<Query> filters, Aggregation values) {
        return Aggregation.of(facet -> facet.filter(all(filters)).aggregations(VALUES, values));
    }

    private static List<Query> filtersExcept(Map<String, Query> filters, String facet) {
        List<Query> others = new ArrayList<>();
        filters.forEach((name, filter) -> {
            if (!name.equals(facet)) {
                others.add(filter);
            }
        });
        return others;
    }

    /** Every one of {@code filters}; matches all documents when there are none. */
    private static Query all(Collection<Query> filters) {
        return Query.of(query -> query.bool(bool -> bool.filter(List.copyOf(filters))));
    }

    private static Query inStock() {
        return term(SearchFields.IN_STOCK, FieldValue.TRUE);
    }

    /** Products never stocked have no inventory part: they are out of stock too. */
    private static Query outOfStock() {
        return Query.of(query -> query.bool(bool -> bool.mustNot(inStock())));
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(query -> query.term(term -> term.field(field).value(value)));
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        return Query.of(query -> query.terms(filter -> filter.field(field).terms(list -> list.value(terms))));
    }

    private static AggregationRange range(PriceBucket bucket) {
        return AggregationRange.of(range -> {
            range.key(bucket.key()).from(JsonData.of(bucket.from()));
            if (bucket.to() != null) {
                range.to(JsonData.of(bucket.to()));
            }
            return range;
        });
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case Double number -> FieldValue.of(number);
            case Long number -> FieldValue.of(number);
            case String text -> FieldValue.of(text);
            default -> throw new IllegalArgumentException("not a sort value: " + value);
        };
    }
}
