package dev.catalog.command.product;

import dev.catalog.command.execution.AggregateStore;
import dev.catalog.command.execution.Transaction;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.Gtin;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.Product;
import dev.catalog.domain.product.ProductActivated;
import dev.catalog.domain.product.ProductCreated;
import dev.catalog.domain.product.ProductDeleted;
import dev.catalog.domain.product.ProductDetailsChanged;
import dev.catalog.domain.product.ProductDiscontinued;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductPriceChanged;
import dev.catalog.domain.product.ProductState;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.json.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Products in the write schema. */
final class ProductStore implements AggregateStore<ProductId, Product, ProductEvent> {

    private static final String SELECT_FOR_UPDATE = """
            select id, sku, gtin, name, description, brand, category_id, price_amount, price_currency, status, attributes::text,
                   version, created_at, updated_at
              from product where tenant_id = ? and id = ? for update
            """;
    private static final String INSERT = """
            insert into product (tenant_id, id, sku, name, description, brand, category_id, price_amount, price_currency,
                                 status, attributes, version, created_at, updated_at, gtin)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            on conflict do nothing
            """;
    // After a conflict on insert: which of the two unique keys the other product holds (committed: the insert waited).
    private static final String SKU_TAKEN = "select exists (select 1 from product where tenant_id = ? and sku = ?)";
    /** The unique constraint on (tenant, GTIN in its 14-digit form), as V5__product_gtin.sql names it. */
    private static final String GTIN_TAKEN = "product_gtin_taken";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UPDATE = """
            update product set name = ?, description = ?, brand = ?, category_id = ?, price_amount = ?, price_currency = ?,
                               status = ?, attributes = ?::jsonb, version = ?, updated_at = ?, gtin = ?
             where tenant_id = ? and id = ? and version = ?
            """;
    private static final String DELETE = "delete from product where tenant_id = ? and id = ? and version = ?";

    @Override
    public String kind() {
        return "product";
    }

    @Override
    public Optional<Product> load(Transaction transaction, TenantId tenant, ProductId id) throws SQLException {
        try (PreparedStatement select = transaction.connection().prepareStatement(SELECT_FOR_UPDATE)) {
            select.setString(1, tenant.value());
            select.setObject(2, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Product.from(state(tenant, row))) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Rejection> save(Transaction transaction, ProductEvent event) throws SQLException {
        ProductState state = event.product();
        return switch (event) {
            case ProductCreated created -> insert(transaction, state);
            case ProductDeleted deleted -> expectOneRow(delete(transaction, state), state);
            case ProductDetailsChanged changed -> updateDetails(transaction, state);
            case ProductPriceChanged repriced -> expectOneRow(update(transaction, state), state);
            case ProductActivated activated -> expectOneRow(update(transaction, state), state);
            case ProductDiscontinued discontinued -> expectOneRow(update(transaction, state), state);
        };
    }

    private Optional<Rejection> insert(Transaction transaction, ProductState state) throws SQLException {
        try (PreparedStatement insert = transaction.connection().prepareStatement(INSERT)) {
            insert.setString(1, state.tenant().value());
            insert.setObject(2, state.id().value());
            insert.setString(3, state.sku().value());
            insert.setString(4, state.name().value());
            insert.setString(5, state.description() == null ? null : state.description().value());
            insert.setString(6, state.brand() == null ? null : state.brand().value());
            setCategory(insert, 7, state.categoryId());
            insert.setBigDecimal(8, state.price().amount());
            insert.setString(9, state.price().currency().getCurrencyCode());
            insert.setString(10, state.status().name());
            insert.setString(11, Json.write(state.attributes().values()));
            insert.setLong(12, state.version());
            insert.setTimestamp(13, Timestamp.from(state.createdAt()));
            insert.setTimestamp(14, Timestamp.from(state.updatedAt()));
            insert.setString(15, gtin(state));
            if (insert.executeUpdate() == 0) {
                return Optional.of(skuTaken(transaction, state) ? skuConflict(state) : gtinConflict(state));
            }
            return Optional.empty();
        }
    }

    private static boolean skuTaken(Transaction transaction, ProductState state) throws SQLException {
        try (PreparedStatement select = transaction.connection().prepareStatement(SKU_TAKEN)) {
            select.setString(1, state.tenant().value());
            select.setString(2, state.sku().value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * Only a change of details can change the GTIN, so only it can meet another product's: the unique index decides,
     * race-safe, and its violation ends the transaction, which the refusal rolls back anyway.
     */
    private Optional<Rejection> updateDetails(Transaction transaction, ProductState state) throws SQLException {
        try {
            return expectOneRow(update(transaction, state), state);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(GTIN_TAKEN)) {
                return Optional.of(gtinConflict(state));
            }
            throw e;
        }
    }

    private static Rejection skuConflict(ProductState state) {
        return new Rejection.Conflict(RejectionCode.DUPLICATE_SKU, "sku", "SKU " + state.sku() + " is already taken by another product");
    }

    private static Rejection gtinConflict(ProductState state) {
        return new Rejection.Conflict(RejectionCode.DUPLICATE_GTIN, "gtin",
                "GTIN " + state.gtin() + " is already taken by another product (in any of its written forms)");
    }

    private static String gtin(ProductState state) {
        return state.gtin() == null ? null : state.gtin().value();
    }

    private int update(Transaction transaction, ProductState state) throws SQLException {
        try (PreparedStatement update = transaction.connection().prepareStatement(UPDATE)) {
            update.setString(1, state.name().value());
            update.setString(2, state.description() == null ? null : state.description().value());
            update.setString(3, state.brand() == null ? null : state.brand().value());
            setCategory(update, 4, state.categoryId());
            update.setBigDecimal(5, state.price().amount());
            update.setString(6, state.price().currency().getCurrencyCode());
            update.setString(7, state.status().name());
            update.setString(8, Json.write(state.attributes().values()));
            update.setLong(9, state.version());
            update.setTimestamp(10, Timestamp.from(state.updatedAt()));
            update.setString(11, gtin(state));
            update.setString(12, state.tenant().value());
            update.setObject(13, state.id().value());
            update.setLong(14, state.version() - 1);
            return update.executeUpdate();
        }
    }

    private int delete(Transaction transaction, ProductState state) throws SQLException {
        try (PreparedStatement delete = transaction.connection().prepareStatement(DELETE)) {
            delete.setString(1, state.tenant().value());
            delete.setObject(2, state.id().value());
            delete.setLong(3, state.version() - 1);
            return delete.executeUpdate();
        }
    }

    /**
     * The row is locked from loading to saving, so its version cannot have moved; the version guard still holds
     * the line should that locking ever change.
     */
    private static Optional<Rejection> expectOneRow(int rows, ProductState state) {
        return rows == 1 ? Optional.empty() : Optional.of(new Rejection.VersionMismatch(state.version() - 1, -1));
    }

    private static void setCategory(PreparedStatement statement, int index, CategoryId categoryId) throws SQLException {
        if (categoryId == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, categoryId.value());
        }
    }

    @SuppressWarnings("unchecked")
    private static ProductState state(TenantId tenant, ResultSet row) throws SQLException {
        String description = row.getString("description");
        String brand = row.getString("brand");
        String gtin = row.getString("gtin");
        UUID categoryId = row.getObject("category_id", UUID.class);
        Map<String, String> attributes = Json.read(row.getString("attributes"), Map.class);
        return new ProductState(tenant,
                new ProductId(row.getObject("id", UUID.class)),
                new Sku(row.getString("sku")),
                gtin == null ? null : new Gtin(gtin),
                new ProductName(row.getString("name")),
                description == null ? null : new Description(description),
                brand == null ? null : new Brand(brand),
                categoryId == null ? null : new CategoryId(categoryId),
                Price.of(row.getBigDecimal("price_amount"), row.getString("price_currency")),
                ProductStatus.valueOf(row.getString("status")),
                Attributes.of(attributes),
                row.getLong("version"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
