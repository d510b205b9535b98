package dev.catalog.command.inventory;

import dev.catalog.command.execution.AggregateStore;
import dev.catalog.command.execution.Transaction;
import dev.catalog.domain.inventory.Inventory;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.InventoryState;
import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.StockLevelChanged;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/** Inventories in the write schema: one row per product, one stock level row per product and warehouse. */
final class InventoryStore implements AggregateStore<ProductId, Inventory, InventoryEvent> {

    // A product's stock is set by many writers (stock feeds, warehouses) without If-Match. They queue on this lock,
    // also when the product has no inventory row yet to lock, and each decides on the inventory as the last one left it.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('inventory:' || ? || ':' || ?, 0))";
    // Key-share lock: stock may be set while the product is edited, but the product cannot be deleted meanwhile.
    private static final String PRODUCT_EXISTS = "select 1 from product where tenant_id = ? and id = ? for key share";
    private static final String SELECT_INVENTORY = "select version, updated_at from inventory where tenant_id = ? and product_id = ?";
    private static final String SELECT_LEVELS = "select warehouse, quantity from stock_level where tenant_id = ? and product_id = ?";
    private static final String INSERT_INVENTORY = "insert into inventory (tenant_id, product_id, version, updated_at) values (?, ?, ?, ?)";
    private static final String UPDATE_INVENTORY = """
            update inventory set version = ?, updated_at = ? where tenant_id = ? and product_id = ? and version = ?
            """;
    private static final String UPSERT_LEVEL = """
            insert into stock_level (tenant_id, product_id, warehouse, quantity) values (?, ?, ?, ?)
            on conflict (tenant_id, product_id, warehouse) do update set quantity = excluded.quantity
            """;

    /** Stock belongs to a product: a missing product is what a 404 names. */
    @Override
    public String kind() {
        return "product";
    }

    /** The product's inventory, {@link Inventory#none} when its stock was never set; empty when there is no such product. */
    @Override
    public Optional<Inventory> load(Transaction transaction, TenantId tenant, ProductId productId) throws SQLException {
        lock(transaction, tenant, productId);
        return productExists(transaction, tenant, productId) ? Optional.of(find(transaction, tenant, productId)) : Optional.empty();
    }

    @Override
    public Optional<Rejection> save(Transaction transaction, InventoryEvent event) throws SQLException {
        return switch (event) {
            case StockLevelChanged changed -> save(transaction, changed);
        };
    }

    private static void lock(Transaction transaction, TenantId tenant, ProductId productId) throws SQLException {
        try (PreparedStatement lock = transaction.connection().prepareStatement(LOCK)) {
            lock.setString(1, tenant.value());
            lock.setString(2, productId.toString());
            lock.execute();
        }
    }

    private static boolean productExists(Transaction transaction, TenantId tenant, ProductId productId) throws SQLException {
        try (PreparedStatement select = transaction.connection().prepareStatement(PRODUCT_EXISTS)) {
            select.setString(1, tenant.value());
            select.setObject(2, productId.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Inventory find(Transaction transaction, TenantId tenant, ProductId productId) throws SQLException {
        long version;
        Instant updatedAt;
        try (PreparedStatement select = transaction.connection().prepareStatement(SELECT_INVENTORY)) {
            select.setString(1, tenant.value());
            select.setObject(2, productId.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Inventory.none(tenant, productId);
                }
                version = row.getLong(1);
                updatedAt = row.getTimestamp(2).toInstant();
            }
        }
        TreeMap<WarehouseCode, Quantity> levels = new TreeMap<>();
        try (PreparedStatement select = transaction.connection().prepareStatement(SELECT_LEVELS)) {
            select.setString(1, tenant.value());
            select.setObject(2, productId.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    levels.put(new WarehouseCode(rows.getString(1)), new Quantity(rows.getLong(2)));
                }
            }
        }
        return Inventory.from(new InventoryState(tenant, productId, levels, version, updatedAt));
    }

    private static Optional<Rejection> save(Transaction transaction, StockLevelChanged event) throws SQLException {
        InventoryState state = event.inventory();
        if (state.version() == 1) {
            try (PreparedStatement insert = transaction.connection().prepareStatement(INSERT_INVENTORY)) {
                insert.setString(1, state.tenant().value());
                insert.setObject(2, state.productId().value());
                insert.setLong(3, state.version());
                insert.setTimestamp(4, Timestamp.from(state.updatedAt()));
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = transaction.connection().prepareStatement(UPDATE_INVENTORY)) {
                update.setLong(1, state.version());
                update.setTimestamp(2, Timestamp.from(state.updatedAt()));
                update.setString(3, state.tenant().value());
                update.setObject(4, state.productId().value());
                update.setLong(5, state.version() - 1);
                // The lock is held from loading to saving, so the version cannot have moved; the guard still holds
                // the line should that locking ever change.
                if (update.executeUpdate() != 1) {
                    return Optional.of(new Rejection.VersionMismatch(state.version() - 1, -1));
                }
            }
        }
        try (PreparedStatement upsert = transaction.connection().prepareStatement(UPSERT_LEVEL)) {
            upsert.setString(1, state.tenant().value());
            upsert.setObject(2, state.productId().value());
            upsert.setString(3, event.warehouse().value());
            upsert.setLong(4, event.quantity().value());
            upsert.executeUpdate();
        }
        return Optional.empty();
    }
}
