package dev.catalog.command.category;

import dev.catalog.command.execution.AggregateStore;
import dev.catalog.command.execution.Transaction;
import dev.catalog.domain.category.Category;
import dev.catalog.domain.category.CategoryCreated;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryMoved;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.category.CategoryRenamed;
import dev.catalog.domain.category.CategoryState;
import dev.catalog.domain.category.CategoryTree;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.SqlStates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Categories in the write schema, and the tenant's tree as the category and product rules need to see it. */
public final class CategoryStore implements AggregateStore<CategoryId, Category, CategoryEvent> {

    private static final String NAME_TAKEN = "category_name_taken";
    private static final String SELECT_FOR_UPDATE = """
            select id, name, parent_id, version, created_at, updated_at
              from category where tenant_id = ? and id = ? for update
            """;
    private static final String INSERT = """
            insert into category (tenant_id, id, name, parent_id, version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict on constraint category_name_taken do nothing
            """;
    private static final String UPDATE = """
            update category set name = ?, parent_id = ?, version = ?, updated_at = ?
             where tenant_id = ? and id = ? and version = ?
            """;
    // Walks up from a category to its root. The depth bound only guards against a cycle the rules make impossible.
    private static final String PATH_TO = """
            with recursive up (id, parent_id, depth) as (
                select id, parent_id, 0 from category where tenant_id = ? and id = ?
                union all
                select c.id, c.parent_id, up.depth + 1
                  from category c join up on c.id = up.parent_id
                 where c.tenant_id = ? and up.depth < 1000
            )
            select id from up order by depth desc
            """;
    // How deep the subtree below a category goes (0 for a leaf), bounded like the walk up.
    private static final String LEVELS_BELOW = """
            with recursive down (id, depth) as (
                select id, 0 from category where tenant_id = ? and id = ?
                union all
                select c.id, down.depth + 1
                  from category c join down on c.parent_id = down.id
                 where c.tenant_id = ? and down.depth < 1000
            )
            select max(depth) from down
            """;
    // Moves of one tenant's categories run one at a time: two concurrent moves (A under B, B under A) could each
    // pass the cycle check on the tree as it was, and together make a cycle. Taken before the category's row lock: a
    // move holding its row while waiting for the tree could deadlock with the move that holds the tree and moves a
    // category under it (that update takes a key-share lock on the new parent's row).
    private static final String LOCK_TREE = "select pg_advisory_xact_lock(hashtextextended('category-tree:' || ?, 0))";

    private final boolean locksTree;

    public CategoryStore() {
        this(false);
    }

    private CategoryStore(boolean locksTree) {
        this.locksTree = locksTree;
    }

    /** The same store, except that loading a category first takes its tenant's tree lock: for moves. */
    CategoryStore lockingTheTree() {
        return new CategoryStore(true);
    }

    @Override
    public String kind() {
        return "category";
    }

    @Override
    public Optional<Category> load(Transaction transaction, TenantId tenant, CategoryId id) throws SQLException {
        if (locksTree) {
            lockTree(transaction, tenant);
        }
        try (PreparedStatement select = transaction.connection().prepareStatement(SELECT_FOR_UPDATE)) {
            select.setString(1, tenant.value());
            select.setObject(2, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UUID parent = row.getObject("parent_id", UUID.class);
                return Optional.of(Category.from(new CategoryState(tenant, id, new CategoryName(row.getString("name")),
                        parent == null ? null : new CategoryId(parent), row.getLong("version"),
                        row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant())));
            }
        }
    }

    /** The tenant's tree, read within the transaction. */
    public CategoryTree tree(Transaction transaction, TenantId tenant) {
        return new CategoryTree() {
            @Override
            public Optional<List<CategoryId>> pathTo(CategoryId id) {
                return CategoryStore.pathTo(transaction, tenant, id);
            }

            @Override
            public int levelsBelow(CategoryId id) {
                return CategoryStore.levelsBelow(transaction, tenant, id);
            }
        };
    }

    private static void lockTree(Transaction transaction, TenantId tenant) throws SQLException {
        try (PreparedStatement lock = transaction.connection().prepareStatement(LOCK_TREE)) {
            lock.setString(1, tenant.value());
            lock.execute();
        }
    }

    @Override
    public Optional<Rejection> save(Transaction transaction, CategoryEvent event) throws SQLException {
        CategoryState state = event.category();
        return switch (event) {
            case CategoryCreated created -> insert(transaction, state);
            case CategoryRenamed renamed -> update(transaction, state);
            case CategoryMoved moved -> update(transaction, state);
        };
    }

    private Optional<Rejection> update(Transaction transaction, CategoryState state) throws SQLException {
        try {
            return updateRow(transaction, state) == 1 ? Optional.empty()
                    : Optional.of(new Rejection.VersionMismatch(state.version() - 1, -1));
        } catch (SQLException e) {
            if (SqlStates.violates(e, SqlStates.UNIQUE_VIOLATION, NAME_TAKEN)) {
                return Optional.of(nameTaken(state));
            }
            throw e;
        }
    }

    private Optional<Rejection> insert(Transaction transaction, CategoryState state) throws SQLException {
        try (PreparedStatement insert = transaction.connection().prepareStatement(INSERT)) {
            insert.setString(1, state.tenant().value());
            insert.setObject(2, state.id().value());
            insert.setString(3, state.name().value());
            setParent(insert, 4, state.parentId());
            insert.setLong(5, state.version());
            insert.setTimestamp(6, Timestamp.from(state.createdAt()));
            insert.setTimestamp(7, Timestamp.from(state.updatedAt()));
            return insert.executeUpdate() == 1 ? Optional.empty() : Optional.of(nameTaken(state));
        }
    }

    private int updateRow(Transaction transaction, CategoryState state) throws SQLException {
        try (PreparedStatement update = transaction.connection().prepareStatement(UPDATE)) {
            update.setString(1, state.name().value());
            setParent(update, 2, state.parentId());
            update.setLong(3, state.version());
            update.setTimestamp(4, Timestamp.from(state.updatedAt()));
            update.setString(5, state.tenant().value());
            update.setObject(6, state.id().value());
            update.setLong(7, state.version() - 1);
            return update.executeUpdate();
        }
    }

    private static Optional<List<CategoryId>> pathTo(Transaction transaction, TenantId tenant, CategoryId id) {
        try (PreparedStatement select = transaction.connection().prepareStatement(PATH_TO)) {
            select.setString(1, tenant.value());
            select.setObject(2, id.value());
            select.setString(3, tenant.value());
            List<CategoryId> path = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    path.add(new CategoryId(rows.getObject(1, UUID.class)));
                }
            }
            return path.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(path));
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the category tree", e);
        }
    }

    private static int levelsBelow(Transaction transaction, TenantId tenant, CategoryId id) {
        try (PreparedStatement select = transaction.connection().prepareStatement(LEVELS_BELOW)) {
            select.setString(1, tenant.value());
            select.setObject(2, id.value());
            select.setString(3, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the category tree", e);
        }
    }

    private static Rejection nameTaken(CategoryState state) {
        return new Rejection.Conflict(RejectionCode.CATEGORY_NAME_TAKEN, "name",
                "a sibling category is already named " + state.name());
    }

    private static void setParent(PreparedStatement statement, int index, CategoryId parentId) throws SQLException {
        if (parentId == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, parentId.value());
        }
    }
}
