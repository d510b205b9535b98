package dev.catalog.projection.detail;

import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.batch.Projection;
import dev.catalog.projection.readmodel.ProjectionTarget;
import dev.catalog.projection.readmodel.ReadModel;
import javax.sql.DataSource;

/** Product detail pages: schemas {@code read_v<N>} in PostgreSQL, behind the views of {@code catalog_read}. */
public record DetailReadModel(DataSource database) implements ReadModel {

    @Override
    public ProjectionName name() {
        return ProjectionName.DETAIL;
    }

    @Override
    public Projection live() {
        return new DetailProjection(database);
    }

    @Override
    public ProjectionTarget versions() {
        return new DetailTarget(database);
    }
}
