package dev.catalog.projection.readmodel;

import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.detail.DetailReadModel;
import dev.catalog.projection.search.SearchReadModel;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The registry: each {@link ProjectionName} to its read model (a new name fails the compile here until it has one). */
public final class ReadModels {

    private ReadModels() {
    }

    /**
     * @param database the asking function's own pool (its database role decides what it may do there)
     * @param search   the OpenSearch client, asked for only by a read model that needs one
     */
    public static ReadModel of(ProjectionName name, DataSource database, Supplier<OpenSearchClient> search) {
        return switch (name) {
            case DETAIL -> new DetailReadModel(database);
            case SEARCH -> new SearchReadModel(search.get(), database);
        };
    }
}
