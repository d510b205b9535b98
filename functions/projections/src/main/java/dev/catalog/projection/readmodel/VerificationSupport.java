package dev.catalog.projection.readmodel;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a rebuilt version is compared with the write model. Only what the high-water mark settles is compared: an
 * aggregate with an event after the mark (or a product filed in a category with one) may still be on its way through
 * the live path, so it is left out on both sides; everything else must be identical, per tenant, by count and
 * checksum.
 */
public final class VerificationSupport {

    private static final String TOUCHED = """
            select distinct aggregate_type, tenant_id, aggregate_id from outbox
             where sequence > ? and aggregate_type in ('product', 'inventory', 'category')
            """;
    private static final String WRITTEN_PRODUCTS = """
            select p.tenant_id, p.id::text as id, p.version, p.sku, p.gtin, p.name, p.description, p.brand, p.status,
                   p.price_amount, p.price_currency, p.category_id::text as category_id, c.name as category_name,
                   coalesce(i.version, 0) as inventory_version,
                   coalesce((select sum(quantity) from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id), 0) as stock_total
              from product p
              left join category c on c.tenant_id = p.tenant_id and c.id = p.category_id
              left join inventory i on i.tenant_id = p.tenant_id and i.product_id = p.id
            """;
    private static final String WRITTEN_CATEGORIES = "select tenant_id, id::text, version, name, parent_id::text from category";

    private VerificationSupport() {
    }

    /** Aggregates with events after the mark, as {@code type:tenant:id}. */
    public static Set<String> touchedAfter(Connection connection, long highWaterMark) throws SQLException {
        Set<String> touched = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(TOUCHED)) {
            select.setLong(1, highWaterMark);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    touched.add(rows.getString(1) + ":" + rows.getString(2) + ":" + rows.getString(3));
                }
            }
        }
        return touched;
    }

    public static List<ProductFacts> writtenProducts(Connection connection) throws SQLException {
        return products(connection, WRITTEN_PRODUCTS);
    }

    public static List<CategoryFacts> writtenCategories(Connection connection) throws SQLException {
        return categories(connection, WRITTEN_CATEGORIES);
    }

    /**
     * Products from a query answering the columns tenant_id, id, version, sku, gtin, name, description, brand, status,
     * price_amount, price_currency, category_id, category_name, inventory_version, stock_total.
     */
    public static List<ProductFacts> products(Connection connection, String sql) throws SQLException {
        List<ProductFacts> products = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                products.add(new ProductFacts(row.getString("tenant_id"), row.getString("id"), row.getLong("version"),
                        row.getString("sku"), row.getString("gtin"), row.getString("name"), row.getString("description"), row.getString("brand"),
                        row.getString("status"), price(row.getBigDecimal("price_amount"), row.getString("price_currency")),
                        row.getString("price_currency"), row.getString("category_id"), row.getString("category_name"),
                        row.getLong("inventory_version"), row.getLong("stock_total")));
            }
        }
        return products;
    }

    /** Categories from a query answering tenant_id, id, version, name, parent_id. */
    public static List<CategoryFacts> categories(Connection connection, String sql) throws SQLException {
        List<CategoryFacts> categories = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                categories.add(new CategoryFacts(row.getString(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5)));
            }
        }
        return categories;
    }

    public static List<String> compareProducts(List<ProductFacts> written, List<ProductFacts> rebuilt, Set<String> touched,
                                               boolean withCategoryName) {
        return Comparison.perTenant("products", settled(written, touched), settled(rebuilt, touched), ProductFacts::tenant,
                product -> product.line(withCategoryName));
    }

    public static List<String> compareCategories(List<CategoryFacts> written, List<CategoryFacts> rebuilt, Set<String> touched) {
        return Comparison.perTenant("categories",
                written.stream().filter(category -> !unsettled(category, touched)).toList(),
                rebuilt.stream().filter(category -> !unsettled(category, touched)).toList(),
                CategoryFacts::tenant, CategoryFacts::line);
    }

    /** An amount at its currency's scale, as every model shows it. */
    public static String price(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }

    private static List<ProductFacts> settled(List<ProductFacts> products, Set<String> touched) {
        return products.stream().filter(product -> !unsettled(product, touched)).toList();
    }

    private static boolean unsettled(ProductFacts product, Set<String> touched) {
        return touched.contains("product:" + product.tenant() + ":" + product.id())
                || touched.contains("inventory:" + product.tenant() + ":" + product.id())
                || (product.categoryId() != null && touched.contains("category:" + product.tenant() + ":" + product.categoryId()));
    }

    private static boolean unsettled(CategoryFacts category, Set<String> touched) {
        return touched.contains("category:" + category.tenant() + ":" + category.id());
    }
}
