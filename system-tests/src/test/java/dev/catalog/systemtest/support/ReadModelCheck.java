package dev.catalog.systemtest.support;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares the detail read model of a tenant with its write model, row by row, and says what differs. */
public final class ReadModelCheck {

    private static final String WRITE_MODEL = """
            select p.id::text as id, p.version, p.sku, p.gtin, p.name, p.description, p.brand, p.status,
                   p.price_amount::text as price, p.price_currency as currency, p.category_id::text as category_id,
                   c.name as category_name, coalesce(i.version, 0) as inventory_version,
                   coalesce((select sum(quantity) from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id), 0) as stock_total
              from product p
              left join category c on c.tenant_id = p.tenant_id and c.id = p.category_id
              left join inventory i on i.tenant_id = p.tenant_id and i.product_id = p.id
             where p.tenant_id = ?
            """;
    private static final String READ_MODEL = """
            select d.id::text as id, d.version, d.sku, d.gtin, d.name, d.description, d.brand, d.status,
                   d.price_amount::text as price, d.price_currency as currency, d.category_id::text as category_id,
                   d.category_name, d.inventory_version, d.stock_total
              from catalog_read.product_detail d
             where d.tenant_id = ?
            """;

    private ReadModelCheck() {
    }

    /** Every difference between the two models of {@code tenant}; empty when the read model is exact. */
    public static List<String> differences(Database db, String tenant) {
        Set<String> written = rows(db, WRITE_MODEL, tenant);
        Set<String> read = rows(db, READ_MODEL, tenant);
        List<String> differences = new java.util.ArrayList<>();
        written.stream().filter(row -> !read.contains(row)).forEach(row -> differences.add("missing or different in the read model: " + row));
        read.stream().filter(row -> !written.contains(row)).forEach(row -> differences.add("not in the write model: " + row));
        return differences;
    }

    private static Set<String> rows(Database db, String sql, String tenant) {
        return db.rows(sql, tenant).stream().map(ReadModelCheck::canonical).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String canonical(Map<String, Object> row) {
        return row.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + normalize(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String normalize(String column, Object value) {
        if (value instanceof Number number && !column.equals("price")) {
            return Long.toString(number.longValue());
        }
        return Objects.toString(value);
    }
}
