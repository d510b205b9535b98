package dev.catalog.command.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
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
import dev.catalog.platform.json.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Inventories in the write schema: one row per product, one stock level row per product and warehouse. */
final class InventoryStore implements AggregateStore<ProductId, Inventory, InventoryEvent> {

    // A product's stock is set by many writers (stock feeds, warehouses) without If-Match. They queue on this lock,
    // also when the product has no inventory row yet to lock, and each decides on the inventory as the last one left it.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('inventory:' || ? || ':' || ?, 0))";
    // In one round trip after the lock: the product (key-share lock: stock may be set while the product is edited, but
    // the product cannot be deleted meanwhile; no row when there is no such product), its inventory (nulls when its
    // stock was never set) and its stock levels. A statement of its own after the lock, so it reads what the previous
    // holder committed: a statement sees what was committed when it started.
    private static final String SELECT_INVENTORY = """
            select i.version, i.updated_at,
                   (select coalesce(jsonb_object_agg(s.warehouse, s.quantity), '{}')::text
                      from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id)
              from product p left join inventory i on i.tenant_id = p.tenant_id and i.product_id = p.id
             where p.tenant_id = ? and p.id = ?
               for key share of p
            """;
    private static final TypeReference<Map<String, Long>> LEVELS = new TypeReference<>() {
    };
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
        try (PreparedStatement select = transaction.connection().prepareStatement(SELECT_INVENTORY)) {
            select.setString(1, tenant.value());
            select.setObject(2, productId.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp updatedAt = row.getTimestamp(2);
                if (updatedAt == null) {
                    return Optional.of(Inventory.none(tenant, productId));
                }
                TreeMap<WarehouseCode, Quantity> levels = new TreeMap<>();
                Json.read(row.getString(3), LEVELS).forEach((warehouse, quantity) ->
                        levels.put(new WarehouseCode(warehouse), new Quantity(quantity)));
                return Optional.of(Inventory.from(new InventoryState(tenant, productId, levels, row.getLong(1),
                        updatedAt.toInstant())));
            }
        }
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
