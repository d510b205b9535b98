package dev.catalog.projection.search;

import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Transactions;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.projection.ActiveVersion;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.platform.projection.ProjectionVersionStore;
import dev.catalog.projection.batch.PartitionProgress;
import dev.catalog.projection.batch.Projection;
import dev.catalog.search.index.SearchIndices;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The search read model: each batch goes in one bulk request to every active version's indices (LIVE, and BUILDING
 * during a rebuild), then every version's progress is recorded in the version tracker, in one transaction (one
 * commit per batch, not one per partition and version). OpenSearch writes are idempotent by aggregate version, so a
 * batch retried after a failure between the two changes nothing twice.
 */
public final class SearchProjection implements Projection {

    public static final String NAME = ProjectionName.SEARCH.id();
    private static final ProjectionVersionStore VERSIONS = new ProjectionVersionStore();

    private final SearchIndexWriter writer;
    private final DataSource tracker;

    public SearchProjection(SearchIndexWriter writer, DataSource tracker) {
        this.writer = writer;
        this.tracker = tracker;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Refused> apply(List<LoggedEvent> events, Collection<PartitionProgress> progress) {
        try (Connection connection = tracker.getConnection()) {
            List<ActiveVersion> versions = VERSIONS.active(connection, NAME);
            Map<LoggedEvent, Refused> refused = new IdentityHashMap<>();
            for (ActiveVersion version : versions) {
                SearchIndices indices = SearchIndices.ofProductsIndex(version.target()).orElseThrow(() ->
                        new IllegalStateException("search version " + version.version() + " targets " + version.target()
                                + ", which is not a products index"));
                if (!events.isEmpty()) {
                    for (WriteOutcome outcome : writer.apply(indices, events)) {
                        if (outcome instanceof WriteOutcome.Rejected rejected) {
                            refused.putIfAbsent(rejected.event(), new Refused(rejected.event(), rejected.reason()));
                        }
                    }
                }
            }
            recordProgress(connection, versions, progress);
            return List.copyOf(refused.values());
        } catch (SQLException e) {
            throw new DatabaseException("the search projection could not read or record its versions", e);
        }
    }

    private static void recordProgress(Connection connection, List<ActiveVersion> versions,
                                       Collection<PartitionProgress> progress) throws SQLException {
        Transactions.commit(connection, transaction -> {
            for (ActiveVersion version : versions) {
                VERSIONS.recordLiveProgress(transaction, version, progress);
            }
            return null;
        });
    }
}
