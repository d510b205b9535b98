package dev.catalog.query.search;

import dev.catalog.search.document.AttributeFacets;
import dev.catalog.search.document.ProductDocument;
import dev.catalog.search.document.ProductPart;
import dev.catalog.search.document.SearchFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.RangeBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/** Turns OpenSearch's answer into the API's page: items, facets with category names, the next cursor. */
final class SearchResults {

    private SearchResults() {
    }

    static SearchPage page(SearchResponse<ProductDocument> response, SearchCriteria criteria, CategoryTree tree,
                           String fingerprint) {
        List<Hit<ProductDocument>> hits = response.hits().hits();
        List<Hit<ProductDocument>> shown = hits.subList(0, Math.min(hits.size(), criteria.limit()));
        String nextCursor = hits.size() > criteria.limit()
                ? SearchCursor.encode(fingerprint, shown.getLast().sort())
                : null;
        return new SearchPage(response.hits().total().value(), shown.stream().map(hit -> item(hit, tree)).toList(),
                criteria.facets() ? facets(response.aggregations(), criteria, tree) : null, nextCursor);
    }

    private static SearchPage.Item item(Hit<ProductDocument> hit, CategoryTree tree) {
        ProductDocument document = hit.source();
        ProductPart product = document.product();
        return new SearchPage.Item(
                document.productId(),
                product.sku(),
                product.gtin(),
                product.name(),
                product.description(),
                product.brand(),
                product.categoryId() == null ? null : category(product.categoryId(), tree),
                new SearchPage.Money(product.price().amount(), product.price().currency()),
                product.status(),
                product.attributes() == null ? Map.of() : product.attributes(),
                document.inventory() == null ? 0 : document.inventory().stockTotal(),
                document.inventory() != null && document.inventory().inStock(),
                product.createdAt(),
                product.updatedAt(),
                document.versions().product(),
                highlights(hit.highlight()));
    }

    private static SearchPage.CategoryRef category(String id, CategoryTree tree) {
        return new SearchPage.CategoryRef(id, tree.name(id), tree.path(id));
    }

    /**
     * Per displayed field, the highlights of the first of its indexed forms that matched: stemmed words, else
     * typo-tolerant words, else (for names) typed prefixes.
     */
    private static Map<String, List<String>> highlights(Map<String, List<String>> highlight) {
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        firstOf(highlight, SearchFields.NAME, SearchFields.NAME_FOLDED, SearchFields.NAME_AUTOCOMPLETE)
                .ifPresent(fragments -> highlights.put("name", fragments));
        firstOf(highlight, SearchFields.DESCRIPTION, SearchFields.DESCRIPTION_FOLDED)
                .ifPresent(fragments -> highlights.put("description", fragments));
        return highlights;
    }

    private static Optional<List<String>> firstOf(Map<String, List<String>> highlight, String... fields) {
        return Arrays.stream(fields).map(highlight::get).filter(Objects::nonNull).findFirst();
    }

    private static SearchPage.Facets facets(Map<String, Aggregate> aggregations, SearchCriteria criteria, CategoryTree tree) {
        return new SearchPage.Facets(
                categoryFacet(aggregations, tree),
                terms(aggregations, ProductQuery.BRAND_FACET).stream()
                        .map(bucket -> new SearchPage.ValueCount(bucket.key(), bucket.docCount())).toList(),
                priceFacet(aggregations),
                stockFacet(aggregations),
                attributeFacets(aggregations, criteria));
    }

    private static List<SearchPage.CategoryCount> categoryFacet(Map<String, Aggregate> aggregations, CategoryTree tree) {
        Map<String, Long> direct = new HashMap<>();
        for (StringTermsBucket bucket : terms(aggregations, ProductQuery.CATEGORY_FACET)) {
            direct.put(bucket.key(), bucket.docCount());
        }
        return tree.rollUp(direct).entrySet().stream()
                .map(entry -> new SearchPage.CategoryCount(entry.getKey(), tree.name(entry.getKey()),
                        tree.parentId(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparingLong(SearchPage.CategoryCount::count).reversed()
                        .thenComparing(count -> count.name() == null ? "" : count.name())
                        .thenComparing(SearchPage.CategoryCount::id))
                .toList();
    }

    private static List<SearchPage.PriceCount> priceFacet(Map<String, Aggregate> aggregations) {
        Map<String, Long> counts = new HashMap<>();
        for (RangeBucket bucket : values(aggregations, ProductQuery.PRICE_FACET).range().buckets().array()) {
            counts.put(bucket.key(), bucket.docCount());
        }
        return PriceBucket.ALL.stream()
                .map(bucket -> new SearchPage.PriceCount(bucket.from().toPlainString(),
                        bucket.to() == null ? null : bucket.to().toPlainString(), counts.getOrDefault(bucket.key(), 0L)))
                .toList();
    }

    private static List<SearchPage.StockCount> stockFacet(Map<String, Aggregate> aggregations) {
        var buckets = values(aggregations, ProductQuery.IN_STOCK_FACET).filters().buckets().keyed();
        return List.of(new SearchPage.StockCount(true, buckets.get("true").docCount()),
                new SearchPage.StockCount(false, buckets.get("false").docCount()));
    }

    /**
     * Values per attribute name. A name filtered on takes its counts from its own facet, which ignores that
     * filter; every other name from the facet that applies all attribute filters.
     */
    private static Map<String, List<SearchPage.ValueCount>> attributeFacets(Map<String, Aggregate> aggregations,
                                                                            SearchCriteria criteria) {
        Map<String, List<SearchPage.ValueCount>> facets = new TreeMap<>();
        collectAttributes(terms(aggregations, ProductQuery.ATTRIBUTES_FACET), facets, name -> !criteria.attributes().containsKey(name));
        for (String name : criteria.attributes().keySet()) {
            collectAttributes(terms(aggregations, ProductQuery.ATTRIBUTE_FACET_PREFIX + name), facets, name::equals);
        }
        return facets;
    }

    private static void collectAttributes(List<StringTermsBucket> buckets, Map<String, List<SearchPage.ValueCount>> facets,
                                          Predicate<String> wanted) {
        for (StringTermsBucket bucket : buckets) {
            AttributeFacets.parse(bucket.key())
                    .filter(attribute -> wanted.test(attribute.name()))
                    .ifPresent(attribute -> facets.computeIfAbsent(attribute.name(), name -> new ArrayList<>())
                            .add(new SearchPage.ValueCount(attribute.value(), bucket.docCount())));
        }
    }

    private static List<StringTermsBucket> terms(Map<String, Aggregate> aggregations, String facet) {
        return values(aggregations, facet).sterms().buckets().array();
    }

    /** The bucket aggregation inside a facet's filter aggregation. */
    private static Aggregate values(Map<String, Aggregate> aggregations, String facet) {
        return aggregations.get(facet).filter().aggregations().get(ProductQuery.VALUES);
    }
}
