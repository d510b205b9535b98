package dev.catalog.projection.search;

import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.batch.Projection;
import dev.catalog.projection.readmodel.ProjectionTarget;
import dev.catalog.projection.readmodel.ReadModel;
import javax.sql.DataSource;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Full-text search and facets: indices {@code products_v<N>} and {@code categories_v<N>} in OpenSearch, behind the
 * aliases {@code products} and {@code categories}; its versions and progress are tracked in PostgreSQL.
 */
public record SearchReadModel(OpenSearchClient search, DataSource database) implements ReadModel {

    @Override
    public ProjectionName name() {
        return ProjectionName.SEARCH;
    }

    @Override
    public Projection live() {
        return new SearchProjection(new SearchIndexWriter(search), database);
    }

    @Override
    public ProjectionTarget versions() {
        return new SearchTarget(search, database);
    }
}
