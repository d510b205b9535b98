package dev.catalog.systemtest.search;

import dev.catalog.systemtest.support.Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a search's total and facets must be, counted with SQL on the write model (product, category, stock_level)
 * for the same filters and the API's rules: a category matches with its whole subtree; values of one facet are
 * alternatives, facets all apply; each facet's counts ignore that facet's own filter; a category counts the products
 * of its subtree; never stocked is out of stock.
 */
final class WriteModelFacets {

    /** The price facet's buckets, as the API documents them: lower bound included, upper excluded. */
    static final List<String> PRICE_BOUNDS = List.of("0", "10", "25", "50", "100", "250", "500", "1000");

    /** The tenant's categories with each one's subtree, and its products with their stock. */
    private static final String SCOPE = """
            with recursive subtree(ancestor, id) as (
                select id, id from category where tenant_id = ?
                union all
                select s.ancestor, c.id from subtree s join category c on c.tenant_id = ? and c.parent_id = s.id
            ), item as (
                select p.id, p.brand, p.category_id, p.price_amount, p.attributes,
                       coalesce((select sum(quantity) from stock_level l where l.tenant_id = p.tenant_id and l.product_id = p.id), 0) > 0 as in_stock
                  from product p
                 where p.tenant_id = ?
            )
            """;

    private final Database db;
    private final String tenant;

    WriteModelFacets(Database db, String tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    /** The facets a search with these parameters must answer. */
    Facets of(List<Map.Entry<String, String>> parameters) {
        List<Filter> filters = filters(parameters);
        return new Facets(
                count("select count(*) from item where " + where(filters, filter -> true), filters, filter -> true),
                byKey("select brand, count(*) from item where brand is not null and " + where(filters, not("brand")) + " group by brand",
                        filters, not("brand")),
                byKey("select s.ancestor::text, count(*) from item join subtree s on s.id = item.category_id where "
                        + where(filters, not("category")) + " group by s.ancestor", filters, not("category")),
                prices(filters),
                stock(filters),
                attributes(filters));
    }

    private Map<String, Long> prices(List<Filter> filters) {
        StringBuilder bucket = new StringBuilder("case");
        for (int i = PRICE_BOUNDS.size() - 1; i > 0; i--) {
            bucket.append(" when price_amount >= ").append(PRICE_BOUNDS.get(i)).append(" then '").append(PRICE_BOUNDS.get(i)).append("'");
        }
        bucket.append(" else '0' end");
        Map<String, Long> counts = new TreeMap<>();
        PRICE_BOUNDS.forEach(bound -> counts.put(bound, 0L));
        counts.putAll(byKey("select " + bucket + ", count(*) from item where " + where(filters, not("price")) + " group by 1",
                filters, not("price")));
        return counts;
    }

    private Map<Boolean, Long> stock(List<Filter> filters) {
        Map<Boolean, Long> counts = new TreeMap<>(Map.of(true, 0L, false, 0L));
        byKey("select in_stock::text, count(*) from item where " + where(filters, not("inStock")) + " group by in_stock",
                filters, not("inStock")).forEach((value, count) -> counts.put(Boolean.parseBoolean(value), count));
        return counts;
    }

    /** Attributes not filtered on under every filter; each one filtered on under every filter but its own. */
    private Map<String, Map<String, Long>> attributes(List<Filter> filters) {
        List<String> filtered = filters.stream().filter(filter -> filter.facet().startsWith("attr.")).map(filter -> filter.facet().substring(5)).toList();
        Map<String, Map<String, Long>> attributes = new TreeMap<>();
        String unfiltered = "select a.key || '=' || a.value, count(*) from item, jsonb_each_text(item.attributes) a where not (a.key = any(?)) and "
                + where(filters, filter -> true) + " group by a.key, a.value";
        List<Object> parameters = new ArrayList<>(scope());
        parameters.add(filtered.toArray(String[]::new));
        filters.forEach(filter -> parameters.addAll(filter.parameters()));
        collect(rows(unfiltered, parameters), attributes);
        for (String name : filtered) {
            Predicate<Filter> others = not("attr." + name);
            String own = "select a.key || '=' || a.value, count(*) from item, jsonb_each_text(item.attributes) a where a.key = ? and "
                    + where(filters, others) + " group by a.key, a.value";
            List<Object> ownParameters = new ArrayList<>(scope());
            ownParameters.add(name);
            filters.stream().filter(others).forEach(filter -> ownParameters.addAll(filter.parameters()));
            collect(rows(own, ownParameters), attributes);
        }
        return attributes;
    }

    private static void collect(Map<String, Long> pairs, Map<String, Map<String, Long>> attributes) {
        pairs.forEach((pair, count) -> {
            int equals = pair.indexOf('=');
            attributes.computeIfAbsent(pair.substring(0, equals), name -> new TreeMap<>()).put(pair.substring(equals + 1), count);
        });
    }

    private long count(String sql, List<Filter> filters, Predicate<Filter> applied) {
        return db.count(SCOPE + sql, parameters(filters, applied).toArray());
    }

    private Map<String, Long> byKey(String sql, List<Filter> filters, Predicate<Filter> applied) {
        return rows(sql, parameters(filters, applied));
    }

    private Map<String, Long> rows(String sql, List<Object> parameters) {
        Map<String, Long> counts = new TreeMap<>();
        db.rows(SCOPE + sql, parameters.toArray()).forEach(row -> {
            var values = row.values().iterator();
            counts.put(String.valueOf(values.next()), ((Number) values.next()).longValue());
        });
        return counts;
    }

    private List<Object> parameters(List<Filter> filters, Predicate<Filter> applied) {
        List<Object> parameters = new ArrayList<>(scope());
        filters.stream().filter(applied).forEach(filter -> parameters.addAll(filter.parameters()));
        return parameters;
    }

    private List<Object> scope() {
        return List.of(tenant, tenant, tenant);
    }

    private static String where(List<Filter> filters, Predicate<Filter> applied) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        filters.stream().filter(applied).forEach(filter -> conditions.add(filter.condition()));
        return String.join(" and ", conditions);
    }

    private static Predicate<Filter> not(String facet) {
        return filter -> !filter.facet().equals(facet);
    }

    /** One facet's filter: an SQL condition on {@code item} and its parameters. */
    private record Filter(String facet, String condition, List<Object> parameters) {
    }

    /** The search parameters as filters: repeated values of a facet become alternatives. */
    private static List<Filter> filters(List<Map.Entry<String, String>> parameters) {
        Map<String, List<String>> byName = new TreeMap<>();
        parameters.forEach(parameter -> byName.computeIfAbsent(parameter.getKey(), name -> new ArrayList<>()).add(parameter.getValue()));
        List<Filter> filters = new ArrayList<>();
        BigDecimal minPrice = null;
        BigDecimal maxPrice = null;
        for (Map.Entry<String, List<String>> parameter : byName.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case "category" -> filters.add(new Filter("category", "item.category_id in (select id from subtree where ancestor = ?)",
                        List.of(UUID.fromString(values.getFirst()))));
                case "brand" -> {
                    // Typed Object, so that List.of takes the array as one element, not as its varargs.
                    Object brands = values.toArray(String[]::new);
                    filters.add(new Filter("brand", "item.brand = any(?)", List.of(brands)));
                }
                case "inStock" -> filters.add(new Filter("inStock", "item.in_stock = ?", List.of(Boolean.parseBoolean(values.getFirst()))));
                case "minPrice" -> minPrice = new BigDecimal(values.getFirst());
                case "maxPrice" -> maxPrice = new BigDecimal(values.getFirst());
                case "limit" -> {
                    // paging only
                }
                default -> {
                    if (!name.startsWith("attr.")) {
                        throw new IllegalArgumentException("not a filter of these tests: " + name);
                    }
                    filters.add(new Filter(name, "item.attributes ->> ? = any(?)", List.of(name.substring(5), values.toArray(String[]::new))));
                }
            }
        }
        if (minPrice != null || maxPrice != null) {
            filters.add(new Filter("price", "item.price_amount >= ? and item.price_amount <= ?",
                    List.of(minPrice == null ? BigDecimal.ZERO : minPrice, maxPrice == null ? new BigDecimal("1e15") : maxPrice)));
        }
        return filters;
    }
}
