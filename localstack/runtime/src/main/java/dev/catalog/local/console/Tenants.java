package dev.catalog.local.console;

import dev.catalog.local.services.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The tenants that have a catalog in the write model, largest first: what the console offers to search as. */
final class Tenants {

    record Tenant(String tenant, long products) {
    }

    private static final int MOST = 200;
    private static final String SELECT = """
            select t.tenant_id, count(p.id) as products
              from (select tenant_id from category union select tenant_id from product) t
              left join product p on p.tenant_id = t.tenant_id
             group by t.tenant_id
             order by products desc, t.tenant_id
             limit ?
            """;

    private Tenants() {
    }

    static List<Tenant> read(PostgresConnection database) throws SQLException {
        try (Connection connection = database.open(); PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, MOST);
            List<Tenant> tenants = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tenants.add(new Tenant(rows.getString(1), rows.getLong(2)));
                }
            }
            return tenants;
        }
    }
}
