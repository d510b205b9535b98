package dev.catalog.query.detail;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Deadline;
import dev.catalog.platform.json.Json;
import dev.catalog.query.category.PathElement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Product details from the read model ({@code catalog_read.product_detail}), the view a cut-over repoints. */
public final class ProductDetails {

    private static final String SELECT = """
            select id, sku, gtin, name, description, brand, status, price_amount, price_currency, attributes::text,
                   category_id, category_name, category_path::text, stock::text, stock_total, inventory_version, version,
                   created_at, updated_at
              from catalog_read.product_detail where tenant_id = ? and id = ?
            """;
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Long>> STOCK = new TypeReference<>() { };
    private static final TypeReference<List<PathElement>> PATH = new TypeReference<>() { };

    private final DataSource readModel;

    public ProductDetails(DataSource readModel) {
        this.readModel = readModel;
    }

    /** What the read model holds for the product now; gives up on the database at {@code deadline} (a 503). */
    public Optional<ProductDetail> find(TenantId tenant, UUID id, Deadline deadline) {
        try (Connection connection = readModel.getConnection()) {
            deadline.bound(connection);
            return find(connection, tenant, id);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read product " + id + " from the read model", e);
        }
    }

    private static Optional<ProductDetail> find(Connection connection, TenantId tenant, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, tenant.value());
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(detail(row)) : Optional.empty();
            }
        }
    }

    private static ProductDetail detail(ResultSet row) throws SQLException {
        String currency = row.getString("price_currency");
        BigDecimal amount = row.getBigDecimal("price_amount");
        String categoryId = row.getString("category_id");
        String pathJson = row.getString("category_path");
        List<PathElement> path = pathJson == null ? List.of() : Json.read(pathJson, PATH);
        Map<String, Long> stock = Json.read(row.getString("stock"), STOCK);
        long total = row.getLong("stock_total");
        return new ProductDetail(
                row.getString("id"), row.getString("sku"), row.getString("gtin"), row.getString("name"), row.getString("description"),
                row.getString("brand"), row.getString("status"),
                new ProductDetail.Price(amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString(), currency),
                Json.read(row.getString("attributes"), ATTRIBUTES),
                categoryId == null ? null : new ProductDetail.Category(categoryId, row.getString("category_name"), path),
                new ProductDetail.Stock(stock, total, row.getLong("inventory_version")), total > 0, row.getLong("version"),
                row.getTimestamp("created_at").toInstant().toString(), row.getTimestamp("updated_at").toInstant().toString());
    }
}
