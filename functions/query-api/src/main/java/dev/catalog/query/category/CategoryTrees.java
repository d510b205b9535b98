package dev.catalog.query.category;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Deadline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** A tenant's category tree with product counts, from the read model ({@code catalog_read}). */
public final class CategoryTrees {

    private static final String SELECT = """
            select c.id, c.name, c.parent_id, c.version, count(p.id) as products
              from catalog_read.category c
              left join catalog_read.product_detail p on p.tenant_id = c.tenant_id and p.category_id = c.id
             where c.tenant_id = ?
             group by c.id, c.name, c.parent_id, c.version
            """;

    private final DataSource readModel;

    public CategoryTrees(DataSource readModel) {
        this.readModel = readModel;
    }

    /** The roots of the tenant's tree, each with its subtree, siblings by name. */
    public List<CategoryNode> tree(TenantId tenant, Deadline deadline) {
        return new Forest(rows(tenant, deadline)).roots();
    }

    /**
     * One category with its path and subtree. The counts include descendants, so the whole tree is read: a tenant's
     * categories number in the thousands at most, and one query is cheaper than a recursive one per level.
     */
    public Optional<CategoryDetail> find(TenantId tenant, UUID id, Deadline deadline) {
        return new Forest(rows(tenant, deadline)).detail(id.toString());
    }

    /** Gives up on the database at {@code deadline} (a 503 rather than the function's timeout). */
    private Map<String, Row> rows(TenantId tenant, Deadline deadline) {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection connection = readModel.getConnection()) {
            deadline.bound(connection);
            readRows(connection, tenant, rows);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the category tree from the read model", e);
        }
        return rows;
    }

    private static void readRows(Connection connection, TenantId tenant, Map<String, Row> rows) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Row row = new Row(result.getString("id"), result.getString("name"), result.getString("parent_id"),
                            result.getLong("version"), result.getLong("products"));
                    rows.put(row.id(), row);
                }
            }
        }
    }

    private record Row(String id, String name, String parentId, long version, long products) {
    }

    /** The rows linked into a tree once: every node with its counted subtree, reachable by id. */
    private static final class Forest {

        private final Map<String, Row> rows;
        private final Map<String, CategoryNode> nodes = new HashMap<>();
        private final List<CategoryNode> roots;

        Forest(Map<String, Row> rows) {
            this.rows = rows;
            Map<String, List<Row>> children = new HashMap<>();
            List<Row> topLevel = new ArrayList<>();
            for (Row row : rows.values()) {
                // A parent the read model has not seen yet: show the category at the top until it arrives.
                if (row.parentId() == null || !rows.containsKey(row.parentId())) {
                    topLevel.add(row);
                } else {
                    children.computeIfAbsent(row.parentId(), parent -> new ArrayList<>()).add(row);
                }
            }
            roots = link(topLevel, children);
        }

        List<CategoryNode> roots() {
            return roots;
        }

        Optional<CategoryDetail> detail(String id) {
            CategoryNode node = nodes.get(id);
            if (node == null) {
                return Optional.empty();
            }
            Row row = rows.get(id);
            return Optional.of(new CategoryDetail(node.id(), node.name(), row.parentId(), pathTo(row), node.version(),
                    node.productCount(), node.children()));
        }

        private List<PathElement> pathTo(Row category) {
            List<PathElement> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Row row = category; row != null && seen.add(row.id()); row = row.parentId() == null ? null : rows.get(row.parentId())) {
                path.addFirst(new PathElement(row.id(), row.name()));
            }
            return path;
        }

        /**
         * Builds each node after its children, depth first, with a stack of its own rather than the call stack:
         * however deep a tree the read model holds, reading it cannot overflow.
         */
        private List<CategoryNode> link(Collection<Row> topLevel, Map<String, List<Row>> children) {
            Deque<Level> stack = new ArrayDeque<>();
            Set<String> onPath = new HashSet<>();
            stack.push(new Level(null, byName(topLevel)));
            while (true) {
                Level level = stack.peek();
                if (level.next < level.rows.size()) {
                    Row row = level.rows.get(level.next++);
                    // Moves applied out of order can make a momentary loop; never walk into it.
                    if (onPath.add(row.id())) {
                        stack.push(new Level(row, byName(children.getOrDefault(row.id(), List.of()))));
                    }
                    continue;
                }
                stack.pop();
                if (level.row == null) {
                    return level.linked;
                }
                onPath.remove(level.row.id());
                long count = level.row.products() + level.linked.stream().mapToLong(CategoryNode::productCount).sum();
                CategoryNode node = new CategoryNode(level.row.id(), level.row.name(), level.row.version(), count,
                        List.copyOf(level.linked));
                nodes.put(level.row.id(), node);
                stack.peek().linked.add(node);
            }
        }

        private static List<Row> byName(Collection<Row> rows) {
            return rows.stream().sorted(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }

        /** A category being linked (null for the forest itself), its children by name, and those linked so far. */
        private static final class Level {
            private final Row row;
            private final List<Row> rows;
            private final List<CategoryNode> linked = new ArrayList<>();
            private int next;

            Level(Row row, List<Row> rows) {
                this.row = row;
                this.rows = rows;
            }
        }
    }
}
