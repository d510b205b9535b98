package dev.catalog.projection.readmodel;

import dev.catalog.platform.events.LoggedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A read model's physical versions, as a rebuild creates, fills, checks, switches and drops them. */
public interface ProjectionTarget {

    /** A step that runs inside a database transaction the target controls. */
    @FunctionalInterface
    interface InTransaction {
        void run(Connection transaction) throws SQLException;
    }

    String projection();

    /** The target name of a version: schema {@code read_v<N>}, index {@code products_v<N>}. */
    String targetName(int version);

    /** Creates the empty target of a version (idempotent: an existing one is kept, for resumed runs). */
    void create(int version);

    /**
     * Copies the LIVE version's content into a new one that the live path already writes, part by part with the live
     * path's version guards: whichever lands first, each part ends as the newer of the two (idempotent).
     */
    void seedFrom(int liveVersion, int version);

    /**
     * Applies replayed events to the version, rewriting parts held at the same version (repairs), and runs
     * {@code recordProgress} once they are durably applied (in the same transaction where the target is the database).
     */
    void replay(int version, List<LoggedEvent> events, InTransaction recordProgress);

    /** Compares the version with the write model as of the high-water mark; empty when it holds exactly what it should. */
    List<String> verify(int version, long highWaterMark);

    /**
     * Makes readers see {@code version} in one step where the database switches them (views), inside
     * {@code transaction}, the ledger's; nothing where they are switched elsewhere.
     */
    void pointReadersAt(Connection transaction, int version);

    /**
     * Makes readers see {@code version} in one step where they are switched outside the database (aliases), after
     * the ledger's commit, while the version they leave is still written; idempotent. Nothing for the database.
     */
    void pointReadersAfterCommit(int version);

    /** Drops the target of a version (idempotent). */
    void drop(int version);
}
