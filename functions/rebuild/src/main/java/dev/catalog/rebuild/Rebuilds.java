package dev.catalog.rebuild;

import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.events.LoggedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuild protocol, one step per task of the state machine:
 * <ol>
 * <li>prepare: register version N+1 as BUILDING (from then on the live path writes it too), create its target, copy
 *     the LIVE version into it for a partial replay, take the high-water mark;</li>
 * <li>replay the outbox from the requested sequence up to the mark, in bulk batches, recording progress with each
 *     batch, so a stopped run resumes where it was;</li>
 * <li>verify the version against the write model;</li>
 * <li>cut over in one step (views or aliases), the old version RETIRED and kept current for rollback; or abort:
 *     FAILED, target dropped.</li>
 * </ol>
 */
public final class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private final DataSource database;
    private final Map<String, ProjectionTarget> targets;
    private final VersionLedger ledger = new VersionLedger();
    private final EventLog eventLog = new EventLog();

    public Rebuilds(DataSource database, Map<String, ProjectionTarget> targets) {
        this.database = database;
        this.targets = Map.copyOf(targets);
    }

    /**
     * Registers (or resumes) a BUILDING version of each requested projection. A projection that already has one is
     * resumed where its replay stopped, whatever this request asked: finishing or aborting it comes first.
     */
    public RebuildState prepare(RebuildRequest request, String runId) {
        long from = request.fromSequence() == null ? 0 : request.fromSequence();
        if (from < 0) {
            throw new IllegalArgumentException("fromSequence must be 0 or more, not " + from);
        }
        List<RebuildState.Target> prepared = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            long end = eventLog.highWaterMark(connection);
            if (from > end) {
                // Nothing after it to replay: the run would copy the LIVE version and call that a rebuild.
                throw new IllegalArgumentException("fromSequence " + from + " is beyond the end of the event log (its last sequence is "
                        + end + ")");
            }
            for (String projection : Projections.named(request.projection())) {
                ProjectionTarget target = target(projection);
                Optional<VersionLedger.Building> existing = ledger.building(connection, projection);
                VersionLedger.Building building;
                if (existing.isPresent()) {
                    building = existing.get();
                    ledger.takeOver(connection, projection, building.version(), runId);
                    log.info("resuming the rebuild of {} version {} at sequence {}", projection, building.version(), building.position());
                } else {
                    int version = ledger.nextVersion(connection, projection);
                    // The target exists before the live path learns of it, so no live batch writes into nothing.
                    target.create(version);
                    building = ledger.register(connection, projection, target, version, from, runId);
                    log.info("rebuilding {} as version {} ({}), from sequence {}", projection, version, building.target(), from);
                }
                if (building.fromSequence() > 0 && building.position() == building.fromSequence()) {
                    OptionalInt live = ledger.live(connection, projection);
                    if (live.isPresent()) {
                        target.seedFrom(live.getAsInt(), building.version());
                    }
                }
                long mark = building.highWaterMark() != null ? building.highWaterMark() : eventLog.highWaterMark(connection);
                ledger.recordHighWaterMark(connection, projection, building.version(), mark);
                prepared.add(new RebuildState.Target(projection, building.version(), building.target(), mark,
                        building.position(), building.eventsReplayed()));
            }
        } catch (SQLException e) {
            throw new DatabaseException("preparing the rebuild failed", e);
        }
        RebuildRequest.Pace pace = (request.pace() == null ? RebuildRequest.Pace.DEFAULT : request.pace()).orDefaults();
        if (pace.batchEvents() < 1 || pace.sliceSeconds() < 0) {
            throw new IllegalArgumentException("a pace needs batchEvents of 1 or more and sliceSeconds of 0 or more");
        }
        return new RebuildState(runId, from, highestMark(prepared), pace, prepared,
                prepared.stream().allMatch(RebuildState.Target::replayed), null);
    }

    /**
     * Replays batches until every target reached its mark or {@code budget} is spent (the state machine calls again),
     * so one task never comes near Lambda's time limit and a log of any length takes a bounded number of loop turns.
     * At least one batch is replayed per call. The next page of the log is read and decoded while the current one is
     * written, so the reading and the writing overlap instead of taking turns.
     */
    public RebuildState replay(RebuildState state, Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        int batch = state.pace().batchEvents();
        try (Connection connection = database.getConnection();
             ExecutorService reader = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("replay-reader").factory())) {
            List<RebuildState.Target> current = recorded(connection, state.targets());
            Future<EventLog.Page> next = readAhead(reader, connection, current, batch);
            while (next != null) {
                EventLog.Page page = await(next);
                List<RebuildState.Target> after = new ArrayList<>(current);
                after.replaceAll(target -> target.replayed() ? target : target.advancedTo(reached(page, target), 0));
                next = Instant.now().isBefore(deadline) ? readAhead(reader, connection, after, batch) : null;
                for (int i = 0; i < current.size(); i++) {
                    RebuildState.Target target = current.get(i);
                    if (target.replayed()) {
                        continue;
                    }
                    long reached = reached(page, target);
                    List<LoggedEvent> events = page.events().stream()
                            .filter(event -> event.envelope().sequence() > target.position() && event.envelope().sequence() <= reached)
                            .toList();
                    target(target.projection()).replay(target.version(), events, transaction ->
                            ledger.recordProgress(transaction, target.projection(), target.version(), reached, events.size()));
                    current.set(i, target.advancedTo(reached, events.size()));
                }
            }
            return state.withTargets(current, current.stream().allMatch(RebuildState.Target::replayed));
        } catch (SQLException e) {
            throw new DatabaseException("replay failed to read the event log", e);
        }
    }

    /** The next page for the targets not yet at their mark, read on {@code reader}; null when all are. */
    private Future<EventLog.Page> readAhead(ExecutorService reader, Connection connection, List<RebuildState.Target> targets, int batch) {
        List<RebuildState.Target> unfinished = targets.stream().filter(target -> !target.replayed()).toList();
        if (unfinished.isEmpty()) {
            return null;
        }
        long after = unfinished.stream().mapToLong(RebuildState.Target::position).min().orElseThrow();
        long upTo = unfinished.stream().mapToLong(RebuildState.Target::highWaterMark).max().orElseThrow();
        return reader.submit(() -> eventLog.read(connection, after, upTo, batch));
    }

    private static long reached(EventLog.Page page, RebuildState.Target target) {
        return Math.min(page.reachedSequence(), target.highWaterMark());
    }

    private static EventLog.Page await(Future<EventLog.Page> page) throws SQLException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case SQLException sql -> throw sql;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IllegalStateException("reading the event log failed", e.getCause());
            }
        }
    }

    /**
     * The targets as far as their recorded progress says. A task the state machine retries gets the input of the
     * failed attempt, whose positions may be behind batches that attempt committed; the ledger is the truth.
     */
    private List<RebuildState.Target> recorded(Connection connection, List<RebuildState.Target> targets) throws SQLException {
        List<RebuildState.Target> current = new ArrayList<>();
        for (RebuildState.Target target : targets) {
            Optional<VersionLedger.Building> building = ledger.building(connection, target.projection())
                    .filter(candidate -> candidate.version() == target.version() && candidate.position() > target.position());
            current.add(building.map(found -> target.resumedAt(found.position(), found.eventsReplayed())).orElse(target));
        }
        return current;
    }

    public RebuildState verify(RebuildState state) {
        List<String> findings = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            for (RebuildState.Target target : state.targets()) {
                List<String> found = target(target.projection()).verify(target.version(), target.highWaterMark());
                RebuildState.Verification result = new RebuildState.Verification(found.isEmpty(), found);
                ledger.recordVerification(connection, target.projection(), target.version(), result);
                found.forEach(finding -> findings.add(target.projection() + " v" + target.version() + ": " + finding));
            }
        } catch (SQLException e) {
            throw new DatabaseException("recording the verification failed", e);
        }
        if (!findings.isEmpty()) {
            log.warn("verification found {} differences: {}", findings.size(), findings);
        }
        return state.withVerification(new RebuildState.Verification(findings.isEmpty(), findings));
    }

    /** Each target goes LIVE in one step; the version it replaces is RETIRED and stays current for a rollback. */
    public RebuildState cutOver(RebuildState state) {
        if (state.verification() == null || !state.verification().passed()) {
            throw new IllegalStateException("run " + state.runId() + " has not passed verification; it cannot cut over");
        }
        for (RebuildState.Target target : state.targets()) {
            ProjectionTarget projection = target(target.projection());
            inTransaction(connection -> {
                projection.pointReadersAt(connection, target.version());
                ledger.makeLive(connection, target.projection(), target.version());
            });
            log.info("{} version {} is LIVE", target.projection(), target.version());
            dropStaleRetired(projection);
        }
        return state;
    }

    /** Every BUILDING version this run registered or took over becomes FAILED, and its target is dropped. */
    public void abort(String runId, String error) {
        try (Connection connection = database.getConnection()) {
            for (VersionLedger.Owned owned : ledger.buildingOf(connection, runId)) {
                ledger.fail(connection, owned.projection(), owned.version(), error);
                target(owned.projection()).drop(owned.version());
                log.warn("rebuild {} aborted: {} version {} FAILED and dropped ({})", runId, owned.projection(), owned.version(), error);
            }
        } catch (SQLException e) {
            throw new DatabaseException("aborting the rebuild failed", e);
        }
    }

    /** The newest RETIRED version becomes LIVE again, in one step, and the LIVE one RETIRED (kept current). */
    public int rollback(String projection) {
        ProjectionTarget target = target(projection);
        int[] restored = new int[1];
        inTransaction(connection -> {
            int previous = ledger.newestRetired(connection, projection).orElseThrow(() ->
                    new IllegalStateException(projection + " has no RETIRED version to roll back to"));
            target.pointReadersAt(connection, previous);
            ledger.makeLive(connection, projection, previous);
            restored[0] = previous;
        });
        log.info("{} rolled back: version {} is LIVE again", projection, restored[0]);
        return restored[0];
    }

    private void dropStaleRetired(ProjectionTarget projection) {
        try (Connection connection = database.getConnection()) {
            for (int version : ledger.staleRetired(connection, projection.projection())) {
                projection.drop(version);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot list retired versions to drop", e);
        }
    }

    private void inTransaction(ProjectionTarget.InTransaction step) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                step.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("a rebuild step failed in the database", e);
        }
    }

    private ProjectionTarget target(String projection) {
        ProjectionTarget target = targets.get(projection);
        if (target == null) {
            throw new IllegalArgumentException("no projection " + projection);
        }
        return target;
    }

    private static long highestMark(List<RebuildState.Target> targets) {
        return targets.stream().mapToLong(RebuildState.Target::highWaterMark).max().orElse(0);
    }
}
