package dev.catalog.projection.detail;

import dev.catalog.platform.db.Conflicts;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Transactions;
import dev.catalog.platform.db.Transactions.Isolation;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.readmodel.CategoryFacts;
import dev.catalog.projection.readmodel.ProductFacts;
import dev.catalog.projection.readmodel.ProjectionTarget;
import dev.catalog.projection.readmodel.VerificationSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The detail read model's versions: schemas {@code read_v<N>} made by the migrations' {@code create_read_schema}, and
 * the views in {@code catalog_read} that {@code point_read_views} switches in one transaction. The rebuild role owns
 * none of them: it creates, repoints and drops through the owner's {@code rebuild_*} functions
 * ({@code R__database_roles.sql}).
 */
public final class DetailTarget implements ProjectionTarget {

    private static final int ATTEMPTS = 12;

    private final DataSource database;

    public DetailTarget(DataSource database) {
        this.database = database;
    }

    @Override
    public String projection() {
        return ProjectionName.DETAIL.id();
    }

    @Override
    public String targetName(int version) {
        return "read_v" + version;
    }

    @Override
    public void create(int version) {
        run(connection -> {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from information_schema.schemata where schema_name = ?")) {
                exists.setString(1, targetName(version));
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            // Created by the read side's owner, and opened to the projections' role, which dual-writes it from now on.
            try (PreparedStatement create = connection.prepareStatement("select rebuild_create_read_schema(?)")) {
                create.setString(1, targetName(version));
                create.execute();
            }
        });
    }

    /** The LIVE schema copied part by part under the live path's guards, which may already be writing the new one. */
    @Override
    public void seedFrom(int liveVersion, int version) {
        DetailWriter writer = new DetailWriter(targetName(version), DetailWriter.Overwrite.NEWER);
        serializable("copy of " + targetName(liveVersion) + " into " + targetName(version),
                connection -> writer.copyFrom(connection, targetName(liveVersion)));
    }

    @Override
    public void replay(int version, List<LoggedEvent> events, InTransaction recordProgress) {
        DetailWriter writer = new DetailWriter(targetName(version), DetailWriter.Overwrite.SAME_OR_NEWER);
        serializable("replay into " + targetName(version), connection -> {
            writer.apply(connection, events);
            recordProgress.run(connection);
        });
    }

    /**
     * One SERIALIZABLE transaction, gone through again when it conflicts: the live path writes the same rows
     * concurrently, and this step, larger and slower, is the one that loses: pause so the live batch commits, then go
     * again.
     */
    private void serializable(String what, InTransaction step) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = database.getConnection()) {
                Transactions.commit(connection, Isolation.SERIALIZABLE, transaction -> {
                    step.run(transaction);
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (!Conflicts.isConflict(e) || attempt == ATTEMPTS) {
                    throw new DatabaseException(what + " failed", e);
                }
                Conflicts.pauseAfter(attempt);
            }
        }
    }

    /**
     * One REPEATABLE READ snapshot sees the write model, the outbox and the rebuilt schema at the same instant, so
     * what the high-water mark settles must be identical on both sides.
     */
    @Override
    public List<String> verify(int version, long highWaterMark) {
        try (Connection connection = database.getConnection()) {
            return Transactions.snapshot(connection, snapshot -> {
                Set<String> touched = VerificationSupport.touchedAfter(snapshot, highWaterMark);
                List<String> findings = new ArrayList<>(VerificationSupport.compareProducts(
                        VerificationSupport.writtenProducts(snapshot), rebuiltProducts(snapshot, version), touched, true));
                findings.addAll(VerificationSupport.compareCategories(
                        VerificationSupport.writtenCategories(snapshot), rebuiltCategories(snapshot, version), touched));
                return findings;
            });
        } catch (SQLException e) {
            throw new DatabaseException("verification of " + targetName(version) + " failed to read", e);
        }
    }

    @Override
    public void pointReadersAt(Connection transaction, int version) {
        try (PreparedStatement point = transaction.prepareStatement("select rebuild_point_read_views(?)")) {
            point.setString(1, targetName(version));
            point.execute();
        } catch (SQLException e) {
            throw new DatabaseException("cannot point catalog_read at " + targetName(version), e);
        }
    }

    @Override
    public void pointReadersAfterCommit(int version) {
        // The views were switched in the ledger's transaction.
    }

    @Override
    public void drop(int version) {
        run(connection -> {
            try (PreparedStatement drop = connection.prepareStatement("select rebuild_drop_read_schema(?)")) {
                drop.setString(1, targetName(version));
                drop.execute();
            }
        });
    }

    private List<ProductFacts> rebuiltProducts(Connection connection, int version) throws SQLException {
        return VerificationSupport.products(connection, """
                select tenant_id, id::text as id, product_version as version, sku, gtin, name, description, brand, status,
                       price_amount, price_currency, category_id::text as category_id, category_name,
                       inventory_version, stock_total
                  from %s.product_detail where product_version > 0 and not deleted
                """.formatted(targetName(version)));
    }

    private List<CategoryFacts> rebuiltCategories(Connection connection, int version) throws SQLException {
        return VerificationSupport.categories(connection,
                "select tenant_id, id::text, version, name, parent_id::text from %s.category".formatted(targetName(version)));
    }

    private void run(InTransaction step) {
        try (Connection connection = database.getConnection()) {
            step.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("the detail read model refused a rebuild step", e);
        }
    }
}
