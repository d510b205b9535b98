package dev.catalog.projection.detail;

import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryState;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.InventoryState;
import dev.catalog.domain.product.ProductActivated;
import dev.catalog.domain.product.ProductCreated;
import dev.catalog.domain.product.ProductDeleted;
import dev.catalog.domain.product.ProductDetailsChanged;
import dev.catalog.domain.product.ProductDiscontinued;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductPriceChanged;
import dev.catalog.domain.product.ProductState;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a batch's changes into one read schema ({@code read_v<N>}), one statement batch per part. Every write is
 * guarded by the part's aggregate version: a row only takes a part from an event newer than the one it holds, so
 * duplicates and late events are no-ops.
 *
 * <p>Category names and paths are copied into each product's row. A category change rewrites the paths of its whole
 * subtree and of every product filed anywhere in it; product writes read the category rows they copy from. The
 * caller runs all of it in one SERIALIZABLE transaction, so a product written while its category is renamed can
 * never keep the old name: one of the two transactions is retried.
 *
 * <p>The live path takes a part only from a strictly newer event ({@link Overwrite#NEWER}); a replay also rewrites a
 * part from the very version it holds ({@link Overwrite#SAME_OR_NEWER}), so replaying a range of the log repairs rows
 * a faulty projection wrote, while a newer version written by the live path still wins.
 */
public final class DetailWriter {

    private static final Pattern SCHEMA = Pattern.compile("read_v[1-9][0-9]{0,5}");

    /** Which events may overwrite a part: strictly newer ones (the live path), or the same version too (replays). */
    public enum Overwrite {
        NEWER("<"),
        SAME_OR_NEWER("<=");

        private final String operator;

        Overwrite(String operator) {
            this.operator = operator;
        }
    }

    private static final String UPSERT_CATEGORY = """
            insert into %1$s.category as c (tenant_id, id, name, parent_id, version, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, id) do update
               set name = excluded.name, parent_id = excluded.parent_id, version = excluded.version, updated_at = excluded.updated_at
             where c.version %2$s excluded.version
            """;
    // The changed categories and everything below them get their path from the root recomputed (ids and names);
    // then every product filed in any of them gets the new name and path. A parent not seen yet simply ends a path;
    // its own arrival recomputes the subtree again.
    private static final String REFRESH_PATHS = """
            with recursive affected (id) as (
                select id from %1$s.category where tenant_id = ? and id = any(?)
                union
                select c.id from %1$s.category c join affected a on c.parent_id = a.id where c.tenant_id = ?
            ), up (start, id, parent_id, name, depth) as (
                select c.id, c.id, c.parent_id, c.name, 0 from %1$s.category c join affected a on a.id = c.id where c.tenant_id = ?
                union all
                select up.start, p.id, p.parent_id, p.name, up.depth + 1
                  from up join %1$s.category p on p.tenant_id = ? and p.id = up.parent_id
                 where up.depth < 1000
            ), paths as (
                select start, jsonb_agg(jsonb_build_object('id', id, 'name', name) order by depth desc) as path from up group by start
            ), categories as (
                update %1$s.category c set path = paths.path from paths where c.tenant_id = ? and c.id = paths.start
                returning c.id, c.name, c.path
            )
            update %1$s.product_detail d set category_name = categories.name, category_path = categories.path
              from categories where d.tenant_id = ? and d.category_id = categories.id
            """;
    private static final String UPSERT_PRODUCT = """
            insert into %1$s.product_detail as d (tenant_id, id, sku, name, description, brand, category_id, category_name,
                    category_path, price_amount, price_currency, status, attributes, created_at, updated_at,
                    product_version, deleted, last_sequence%3$s)
            select ?, ?, ?, ?, ?, ?, ?, c.name, c.path, ?, ?, ?, ?::jsonb, ?, ?, ?, false, ?%4$s
              from (select 1) as one left join %1$s.category c on c.tenant_id = ? and c.id = ?
            on conflict (tenant_id, id) do update
               set sku = excluded.sku, name = excluded.name, description = excluded.description, brand = excluded.brand,
                   category_id = excluded.category_id, category_name = excluded.category_name,
                   category_path = excluded.category_path, price_amount = excluded.price_amount,
                   price_currency = excluded.price_currency, status = excluded.status, attributes = excluded.attributes,
                   created_at = excluded.created_at, updated_at = excluded.updated_at,
                   product_version = excluded.product_version, deleted = false%5$s,
                   last_sequence = greatest(d.last_sequence, excluded.last_sequence)
             where d.product_version %2$s excluded.product_version
            """;
    // A deleted product stays as a tombstone at the deletion's version: a late event of it cannot bring it back.
    private static final String DELETE_PRODUCT = """
            insert into %1$s.product_detail as d (tenant_id, id, product_version, deleted, last_sequence)
            values (?, ?, ?, true, ?)
            on conflict (tenant_id, id) do update
               set deleted = true, product_version = excluded.product_version, sku = null, name = null, description = null,
                   brand = null, category_id = null, category_name = null, category_path = null, price_amount = null,
                   price_currency = null, status = null, attributes = null%5$s,
                   last_sequence = greatest(d.last_sequence, excluded.last_sequence)
             where d.product_version %2$s excluded.product_version
            """;
    private static final String UPSERT_INVENTORY = """
            insert into %1$s.product_detail as d (tenant_id, id, stock, stock_total, inventory_version, last_sequence)
            values (?, ?, ?::jsonb, ?, ?, ?)
            on conflict (tenant_id, id) do update
               set stock = excluded.stock, stock_total = excluded.stock_total, inventory_version = excluded.inventory_version,
                   last_sequence = greatest(d.last_sequence, excluded.last_sequence)
             where d.inventory_version %2$s excluded.inventory_version
            """;

    private final String schema;
    private final Overwrite overwrite;
    /** Whether the schema's definition has the GTIN (version 2 on); asked once, as a schema never changes shape. */
    private Boolean withGtin;

    public DetailWriter(String schema, Overwrite overwrite) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a read schema: " + schema);
        }
        this.schema = schema;
        this.overwrite = overwrite;
    }

    /** Writes the events (coalesced to the newest per aggregate) inside the caller's transaction. */
    public void apply(Connection connection, List<LoggedEvent> events) throws SQLException {
        apply(connection, DetailChanges.of(events));
    }

    /** Categories first, so products of the same batch copy their newest names. */
    void apply(Connection connection, DetailChanges changes) throws SQLException {
        writeCategories(connection, changes);
        writeProducts(connection, changes);
        writeInventories(connection, changes);
    }

    private void writeCategories(Connection connection, DetailChanges changes) throws SQLException {
        if (changes.categories().isEmpty()) {
            return;
        }
        List<CategoryState> written = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement(sql(UPSERT_CATEGORY))) {
            for (DetailChanges.Latest<CategoryEvent> latest : changes.categories()) {
                CategoryState category = latest.event().category();
                written.add(category);
                upsert.setString(1, category.tenant().value());
                upsert.setObject(2, category.id().value());
                upsert.setString(3, category.name().value());
                upsert.setObject(4, category.parentId() == null ? null : category.parentId().value(), Types.OTHER);
                upsert.setLong(5, category.version());
                upsert.setTimestamp(6, Timestamp.from(category.updatedAt()));
                upsert.addBatch();
            }
            int[] counts = upsert.executeBatch();
            Map<String, List<UUID>> changedByTenant = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    changedByTenant.computeIfAbsent(written.get(i).tenant().value(), tenant -> new ArrayList<>()).add(written.get(i).id().value());
                }
            }
            refreshPaths(connection, changedByTenant);
        }
    }

    private void refreshPaths(Connection connection, Map<String, List<UUID>> changedByTenant) throws SQLException {
        if (changedByTenant.isEmpty()) {
            return;
        }
        try (PreparedStatement refresh = connection.prepareStatement(sql(REFRESH_PATHS))) {
            for (Map.Entry<String, List<UUID>> tenant : changedByTenant.entrySet()) {
                refresh.setString(1, tenant.getKey());
                refresh.setArray(2, connection.createArrayOf("uuid", tenant.getValue().toArray()));
                for (int parameter = 3; parameter <= 7; parameter++) {
                    refresh.setString(parameter, tenant.getKey());
                }
                refresh.addBatch();
            }
            refresh.executeBatch();
        }
    }

    private void writeProducts(Connection connection, DetailChanges changes) throws SQLException {
        if (changes.products().isEmpty()) {
            return;
        }
        boolean gtin = withGtin(connection);
        try (PreparedStatement upsert = connection.prepareStatement(sql(UPSERT_PRODUCT, gtin));
             PreparedStatement delete = connection.prepareStatement(sql(DELETE_PRODUCT, gtin))) {
            for (DetailChanges.Latest<ProductEvent> latest : changes.products()) {
                long sequence = latest.sequence();
                switch (latest.event()) {
                    case ProductDeleted deleted -> addDelete(delete, deleted.product(), sequence);
                    case ProductCreated created -> addUpsert(upsert, created.product(), sequence, gtin);
                    case ProductDetailsChanged changed -> addUpsert(upsert, changed.product(), sequence, gtin);
                    case ProductPriceChanged repriced -> addUpsert(upsert, repriced.product(), sequence, gtin);
                    case ProductActivated activated -> addUpsert(upsert, activated.product(), sequence, gtin);
                    case ProductDiscontinued discontinued -> addUpsert(upsert, discontinued.product(), sequence, gtin);
                }
            }
            upsert.executeBatch();
            delete.executeBatch();
        }
    }

    private boolean withGtin(Connection connection) throws SQLException {
        if (withGtin == null) {
            try (PreparedStatement ask = connection.prepareStatement("select read_schema_has_gtin(?)")) {
                ask.setString(1, schema);
                try (ResultSet row = ask.executeQuery()) {
                    row.next();
                    withGtin = row.getBoolean(1);
                }
            }
        }
        return withGtin;
    }

    private static void addUpsert(PreparedStatement upsert, ProductState product, long sequence, boolean withGtin)
            throws SQLException {
        UUID categoryId = product.categoryId() == null ? null : product.categoryId().value();
        upsert.setString(1, product.tenant().value());
        upsert.setObject(2, product.id().value());
        upsert.setString(3, product.sku().value());
        upsert.setString(4, product.name().value());
        upsert.setString(5, product.description() == null ? null : product.description().value());
        upsert.setString(6, product.brand() == null ? null : product.brand().value());
        upsert.setObject(7, categoryId, Types.OTHER);
        upsert.setBigDecimal(8, product.price().amount());
        upsert.setString(9, product.price().currency().getCurrencyCode());
        upsert.setString(10, product.status().name());
        upsert.setString(11, Json.write(product.attributes().values()));
        upsert.setTimestamp(12, Timestamp.from(product.createdAt()));
        upsert.setTimestamp(13, Timestamp.from(product.updatedAt()));
        upsert.setLong(14, product.version());
        upsert.setLong(15, sequence);
        int next = 16;
        if (withGtin) {
            upsert.setString(next++, product.gtin() == null ? null : product.gtin().value());
        }
        upsert.setString(next++, product.tenant().value());
        upsert.setObject(next, categoryId, Types.OTHER);
        upsert.addBatch();
    }

    private static void addDelete(PreparedStatement delete, ProductState product, long sequence) throws SQLException {
        delete.setString(1, product.tenant().value());
        delete.setObject(2, product.id().value());
        delete.setLong(3, product.version());
        delete.setLong(4, sequence);
        delete.addBatch();
    }

    private void writeInventories(Connection connection, DetailChanges changes) throws SQLException {
        if (changes.inventories().isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql(UPSERT_INVENTORY))) {
            for (DetailChanges.Latest<InventoryEvent> latest : changes.inventories()) {
                InventoryState inventory = latest.event().inventory();
                Map<String, Long> stock = new LinkedHashMap<>();
                inventory.levels().forEach((warehouse, quantity) -> stock.put(warehouse.value(), quantity.value()));
                upsert.setString(1, inventory.tenant().value());
                upsert.setObject(2, inventory.productId().value());
                upsert.setString(3, Json.write(stock));
                upsert.setLong(4, inventory.total());
                upsert.setLong(5, inventory.version());
                upsert.setLong(6, latest.sequence());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private String sql(String template) {
        return sql(template, false);
    }

    /** The statement for this schema; with the GTIN column where the schema's definition has it. */
    private String sql(String template, boolean withGtin) {
        return withGtin
                ? template.formatted(schema, overwrite.operator, ", gtin", ", ?", ", gtin = excluded.gtin")
                : template.formatted(schema, overwrite.operator, "", "", "");
    }
}
