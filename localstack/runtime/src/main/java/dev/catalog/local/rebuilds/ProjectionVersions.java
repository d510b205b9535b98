package dev.catalog.local.rebuilds;

import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.platform.projection.ProjectionVersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The version tracker as operators see it ({@code ./catalog projections}, {@code rebuild}, the console): every version
 * of every projection, with its replay progress and how far the live path has written it, read through the one store
 * of {@code projection_version}.
 */
public final class ProjectionVersions {

    private static final ProjectionVersionStore STORE = new ProjectionVersionStore();

    private ProjectionVersions() {
    }

    public static List<ProjectionVersionStore.Overview> read(PostgresConnection database) throws SQLException {
        try (Connection connection = database.open()) {
            return STORE.overview(connection);
        }
    }
}
