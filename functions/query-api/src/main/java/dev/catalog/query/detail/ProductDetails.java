package dev.catalog.query.detail;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.json.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Product details from the read model ({@code catalog_read.product_detail}), the view a cut-over repoints. */
public final class ProductDetails {

    private static final String SELECT = """
            select id, sku, name, description, brand, status, price_amount, price_currency, attributes::text,
                   category_id, category_name, category_path::text, stock::text, stock_total, inventory_version, version,
                   created_at, updated_at
              from catalog_read.product_detail where tenant_id = ? and id = ?
            """;
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Long>> STOCK = new TypeReference<>() { };
    private static final TypeReference<List<ProductDetail.PathElement>> PATH = new TypeReference<>() { };

    private final DataSource readModel;

    public ProductDetails(DataSource readModel) {
        this.readModel = readModel;
    }

    /** What the read model holds for the product now. */
    public Optional<ProductDetail> find(TenantId tenant, UUID id) {
        try (Connection connection = readModel.getConnection(); PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, tenant.value());
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(detail(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read product " + id + " from the read model", e);
        }
    }

    /**
     * Waits until the read model holds {@code minVersion} or newer, polling with a growing interval, for at most
     * {@code patience}: the client asked to read its own write. Answers what there is when the time is up.
     */
    public Lookup findAtLeast(TenantId tenant, UUID id, long minVersion, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        long pause = 20;
        while (true) {
            Optional<ProductDetail> found = find(tenant, id);
            if (found.isPresent() && found.get().version() >= minVersion) {
                return new Lookup(found, false);
            }
            if (Instant.now().plusMillis(pause).isAfter(deadline)) {
                return new Lookup(found, true);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Lookup(found, true);
            }
            pause = Math.min(pause * 2, 250);
        }
    }

    /** @param stale the read model had not reached the version asked for when the wait ended */
    public record Lookup(Optional<ProductDetail> detail, boolean stale) {
    }

    private static ProductDetail detail(ResultSet row) throws SQLException {
        String currency = row.getString("price_currency");
        BigDecimal amount = row.getBigDecimal("price_amount");
        String categoryId = row.getString("category_id");
        String pathJson = row.getString("category_path");
        List<ProductDetail.PathElement> path = pathJson == null ? List.of() : Json.read(pathJson, PATH);
        Map<String, Long> stock = Json.read(row.getString("stock"), STOCK);
        long total = row.getLong("stock_total");
        return new ProductDetail(
                row.getString("id"), row.getString("sku"), row.getString("name"), row.getString("description"),
                row.getString("brand"), row.getString("status"),
                new ProductDetail.Price(amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString(), currency),
                Json.read(row.getString("attributes"), ATTRIBUTES),
                categoryId == null ? null : new ProductDetail.Category(categoryId, row.getString("category_name"), path),
                new ProductDetail.Stock(stock, total, row.getLong("inventory_version")), total > 0, row.getLong("version"),
                row.getTimestamp("created_at").toInstant().toString(), row.getTimestamp("updated_at").toInstant().toString());
    }
}
