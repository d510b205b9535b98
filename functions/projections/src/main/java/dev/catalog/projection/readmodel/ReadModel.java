package dev.catalog.projection.readmodel;

import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.batch.Projection;

/**
 * One read model in one place: the package that holds it ({@code dev.catalog.projection.detail},
 * {@code dev.catalog.projection.search}) has its writer, its live path and its versions' lifecycle, and answers for
 * them here. The live projection function hands its batches to {@link #live()}; the rebuild tasks create, copy, fill,
 * verify, switch and drop its versions through {@link #versions()}; the version ledger and the operators' status know
 * it by {@link #name()}.
 */
public interface ReadModel {

    ProjectionName name();

    /** What the live path applies each batch of the event log to: every active version, and its progress. */
    Projection live();

    /** Its versions' targets, as a rebuild creates, copies into, replays into, verifies, switches readers to and drops. */
    ProjectionTarget versions();
}
