package dev.catalog.local.bench;

import dev.catalog.local.services.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The versions {@code catalog_read.product_detail} (the detail read model as readers see it) holds. */
final class DetailVersions implements VisibilityPoller.VersionSource {

    private final Connection connection;
    private final PreparedStatement query;
    private final String tenant;

    DetailVersions(PostgresConnection database, String tenant) throws SQLException {
        this.connection = database.open();
        this.query = connection.prepareStatement(
                "select id::text, version, inventory_version from catalog_read.product_detail where tenant_id = ? and id = any(?::uuid[])");
        this.tenant = tenant;
    }

    @Override
    public Map<String, VisibilityPoller.Versions> versionsOf(Collection<String> productIds) throws SQLException {
        query.setString(1, tenant);
        query.setArray(2, connection.createArrayOf("text", productIds.toArray()));
        Map<String, VisibilityPoller.Versions> versions = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                versions.put(rows.getString(1), new VisibilityPoller.Versions(rows.getLong(2), rows.getLong(3)));
            }
        }
        return versions;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
