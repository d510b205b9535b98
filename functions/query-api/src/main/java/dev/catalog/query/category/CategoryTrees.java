package dev.catalog.query.category;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    public List<CategoryNode> tree(TenantId tenant) {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection connection = readModel.getConnection(); PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Row row = new Row(result.getString("id"), result.getString("name"), result.getString("parent_id"),
                            result.getLong("version"), result.getLong("products"));
                    rows.put(row.id(), row);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the category tree from the read model", e);
        }
        Map<String, List<Row>> children = new HashMap<>();
        List<Row> roots = new ArrayList<>();
        for (Row row : rows.values()) {
            // A parent the read model has not seen yet: show the category at the top until it arrives.
            if (row.parentId() == null || !rows.containsKey(row.parentId())) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), parent -> new ArrayList<>()).add(row);
            }
        }
        return nodes(roots, children, new HashSet<>());
    }

    private static List<CategoryNode> nodes(List<Row> rows, Map<String, List<Row>> children, Set<String> onPath) {
        List<CategoryNode> nodes = new ArrayList<>();
        for (Row row : rows.stream().sorted(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER)).toList()) {
            if (!onPath.add(row.id())) {
                continue; // moves applied out of order can make a momentary loop; never recurse into it
            }
            List<CategoryNode> below = nodes(children.getOrDefault(row.id(), List.of()), children, onPath);
            long count = row.products() + below.stream().mapToLong(CategoryNode::productCount).sum();
            nodes.add(new CategoryNode(row.id(), row.name(), row.version(), count, below));
            onPath.remove(row.id());
        }
        return nodes;
    }

    private record Row(String id, String name, String parentId, long version, long products) {
    }
}
