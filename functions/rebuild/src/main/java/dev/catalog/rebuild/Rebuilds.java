package dev.catalog.rebuild;

import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Transactions;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.json.Json;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.platform.projection.ProjectionVersionStore;
import dev.catalog.projection.readmodel.ProjectionTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *     the LIVE version into it for a partial replay, take the high-water mark; refused while another run that is
 *     still going has the projection ({@link RebuildInProgress});</li>
 * <li>replay the outbox from the requested sequence up to the mark, in bulk batches, recording progress with each
 *     batch, so a stopped run resumes where it was;</li>
 * <li>verify the version against the write model;</li>
 * <li>cut over (views or aliases) the version this run built, the old one RETIRED (no longer written); or abort:
 *     FAILED, target dropped.</li>
 * </ol>
 * And rollback: the version that was LIVE before the current one catches up on what it missed while RETIRED, then
 * becomes LIVE again.
 *
 * <p>Readers never end on a version the live path does not write: a replaced version is RETIRING, still written,
 * until readers have surely left it (the views switch in the ledger's transaction, the aliases after its commit),
 * and only then RETIRED.
 */
public final class Rebuilds {

    /** RETIRED versions kept per projection unless configured otherwise: the one a rollback goes back to. */
    public static final int RETIRED_KEPT = 1;

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final Duration CATCH_UP_SLICE = Duration.ofMinutes(1);
    private final DataSource database;
    private final Map<String, ProjectionTarget> targets;
    private final Runs runs;
    private final ProjectionVersionStore ledger = new ProjectionVersionStore();
    private final EventLog eventLog = new EventLog();

    public Rebuilds(DataSource database, Map<String, ProjectionTarget> targets, Runs runs) {
        this.database = database;
        this.targets = Map.copyOf(targets);
        this.runs = runs;
    }

    /**
     * Registers (or resumes) a BUILDING version of each requested projection. A projection whose BUILDING version
     * belongs to a run that has ended (stopped, timed out) is resumed where its replay stopped, whatever this request
     * asked; one whose run is still going, or that a rollback is catching up, is refused.
     */
    public RebuildState prepare(RebuildRequest request, String runId) {
        long from = request.fromSequence() == null ? 0 : request.fromSequence();
        if (from < 0) {
            throw new IllegalArgumentException("fromSequence must be 0 or more, not " + from);
        }
        RebuildRequest.Pace pace = (request.pace() == null ? RebuildRequest.Pace.DEFAULT : request.pace()).orDefaults();
        if (pace.batchEvents() < 1 || pace.sliceSeconds() < 0) {
            throw new IllegalArgumentException("a pace needs batchEvents of 1 or more and sliceSeconds of 0 or more");
        }
        List<String> projections = ProjectionName.named(request.projection()).stream().map(ProjectionName::id).toList();
        long end = read(eventLog::highWaterMark).sequence();
        if (from > end) {
            // Nothing after it to replay: the run would copy the LIVE version and call that a rebuild.
            throw new IllegalArgumentException("fromSequence " + from + " is beyond the end of the event log (its last sequence is "
                    + end + ")");
        }
        // Every projection is checked before any is registered, so a refused "all" leaves nothing behind.
        projections.forEach(projection -> inTransaction(connection -> {
            refuseIfTaken(connection, projection, runId);
            return null;
        }));
        List<RebuildState.Target> prepared = new ArrayList<>();
        for (String projection : projections) {
            ProjectionTarget target = target(projection);
            settle(target);
            ProjectionVersionStore.Building building = registerOrResume(target, from, runId);
            if (building.fromSequence() > 0 && building.position() == building.fromSequence()) {
                read(connection -> {
                    ledger.live(connection, projection).ifPresent(live -> target.seedFrom(live.version(), building.version()));
                    return null;
                });
            }
            long mark = building.highWaterMark() != null ? building.highWaterMark() : markTaken(projection, building.version());
            prepared.add(new RebuildState.Target(projection, building.version(), building.target(), mark,
                    building.position(), building.eventsReplayed()));
        }
        return new RebuildState(runId, from, highestMark(prepared), pace, prepared,
                prepared.stream().allMatch(RebuildState.Target::replayed), null);
    }

    /** Takes a fresh high-water mark for a BUILDING version and records it, with the transactions it settles. */
    private long markTaken(String projection, int version) {
        EventLog.Mark mark = read(eventLog::highWaterMark);
        inTransaction(connection -> {
            ledger.recordHighWaterMark(connection, projection, version, mark.sequence(), mark.snapshotXmin());
            return null;
        });
        return mark.sequence();
    }

    /** Refuses when a rollback is catching up the projection, or another run that is still going is building it. */
    private void refuseIfTaken(Connection connection, String projection, String runId) throws SQLException {
        ledger.lock(connection, projection);
        Optional<ProjectionVersionStore.Building> catchingUp = ledger.catchingUp(connection, projection);
        if (catchingUp.isPresent()) {
            throw new RebuildInProgress(projection + " version " + catchingUp.get().version() + " is being caught up by rollback "
                    + catchingUp.get().runId() + "; rebuild once the rollback has ended");
        }
        Optional<ProjectionVersionStore.Building> building = ledger.building(connection, projection);
        if (building.isPresent() && !runId.equals(building.get().runId()) && runs.running(building.get().runId())) {
            throw new RebuildInProgress(projection + " is already being rebuilt (version " + building.get().version()
                    + ") by execution " + building.get().runId() + "; one rebuild per projection at a time");
        }
    }

    private ProjectionVersionStore.Building registerOrResume(ProjectionTarget target, long from, String runId) {
        String projection = target.projection();
        return inTransaction(connection -> {
            refuseIfTaken(connection, projection, runId);
            Optional<ProjectionVersionStore.Building> existing = ledger.building(connection, projection);
            if (existing.isPresent()) {
                ProjectionVersionStore.Building building = existing.get();
                ledger.takeOver(connection, projection, building.version(), runId);
                log.info("resuming the rebuild of {} version {} at sequence {} (was run {})", projection, building.version(),
                        building.position(), building.runId());
                return building;
            }
            int version = ledger.nextVersion(connection, projection);
            // The target exists before the live path learns of it, so no live batch writes into nothing.
            target.create(version);
            ProjectionVersionStore.Building building = ledger.register(connection, projection, target.targetName(version), version, from, runId);
            log.info("rebuilding {} as version {} ({}), from sequence {}", projection, version, building.target(), from);
            return building;
        });
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
                            ledger.recordReplayProgress(transaction, target.projection(), target.version(), state.runId(), reached, events.size()));
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
            Optional<ProjectionVersionStore.Building> building = ledger.filling(connection, target.projection(), target.version())
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
                ledger.recordVerification(connection, target.projection(), target.version(), Json.write(result));
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

    /**
     * Each target, the BUILDING version this run built and verified, goes LIVE in one step; the version it replaces
     * is RETIRED once readers have left it. A retried cut-over finishes what the first attempt started.
     */
    public RebuildState cutOver(RebuildState state, int retiredKept) {
        if (state.verification() == null || !state.verification().passed()) {
            throw new IllegalStateException("run " + state.runId() + " has not passed verification; it cannot cut over");
        }
        for (RebuildState.Target target : state.targets()) {
            ProjectionTarget projection = target(target.projection());
            inTransaction(connection -> {
                ledger.lock(connection, target.projection());
                ProjectionVersionStore.Version version = ledger.version(connection, target.projection(), target.version()).orElseThrow();
                boolean owned = state.runId().equals(version.runId());
                if (owned && "LIVE".equals(version.status())) {
                    return null; // promoted by an earlier attempt of this task
                }
                if (!owned || !"BUILDING".equals(version.status())) {
                    throw new IllegalStateException("run " + state.runId() + " cannot cut over " + target.projection() + " version "
                            + target.version() + ": it is " + version.status() + " and belongs to run " + version.runId());
                }
                projection.pointReadersAt(connection, target.version());
                ledger.promote(connection, target.projection(), target.version(), "cut-over");
                return null;
            });
            settle(projection);
            log.info("{} version {} is LIVE", target.projection(), target.version());
            dropBeyondKept(projection, retiredKept);
        }
        return state;
    }

    /**
     * What a run answers for is undone: its BUILDING versions become FAILED and their targets are dropped; a version
     * it promoted whose predecessor readers may still be on (RETIRING) gives way to that predecessor again.
     */
    public void abort(String runId, String error) {
        List<ProjectionVersionStore.Owned> owned = read(connection -> ledger.ownedBy(connection, runId));
        for (ProjectionVersionStore.Owned version : owned) {
            ProjectionTarget target = target(version.projection());
            if ("LIVE".equals(version.status())) {
                undoPromotion(target, version.version(), "FAILED");
                continue;
            }
            inTransaction(connection -> {
                ledger.fail(connection, version.projection(), version.version(), error);
                return null;
            });
            target.drop(version.version());
            log.warn("rebuild {} aborted: {} version {} FAILED and dropped ({})", runId, version.projection(), version.version(), error);
        }
    }

    /**
     * A promotion not yet finished (its predecessor still RETIRING, so still written) is undone: readers go back to the
     * predecessor, which is LIVE again, and {@code version} becomes {@code backTo}. A finished one is left alone.
     */
    private void undoPromotion(ProjectionTarget target, int version, String backTo) {
        String projection = target.projection();
        Optional<Integer> previous = read(connection -> {
            List<Integer> retiring = ledger.retiring(connection, projection);
            return ledger.version(connection, projection, version).map(ProjectionVersionStore.Version::previousLive).filter(retiring::contains);
        });
        if (previous.isEmpty()) {
            log.warn("{} version {} is LIVE and its predecessor already RETIRED: it stays LIVE", projection, version);
            return;
        }
        target.pointReadersAfterCommit(previous.get());
        inTransaction(connection -> {
            ledger.lock(connection, projection);
            target.pointReadersAt(connection, previous.get());
            ledger.demote(connection, projection, version, backTo, previous.get());
            return null;
        });
        if ("FAILED".equals(backTo)) {
            target.drop(version);
        }
        log.warn("{} version {} gave way to version {} again", projection, version, previous.get());
    }

    /**
     * Makes LIVE again the version that was LIVE immediately before the current one ({@code toVersion} null), or the
     * RETIRED version named. It first catches up on what it missed while RETIRED: it is written by the live path
     * again from then on, and the log from the first event of a transaction it may not hold (see
     * {@link ProjectionVersionStore#seal}) up to a fresh high-water mark is replayed into it. Then readers switch in one step.
     * A rollback right after a rollback is refused unless a version is named: it would bring back the version the
     * first one rejected. A rebuild still running refuses it; a BUILDING version whose run has ended (stopped, timed
     * out) is abandoned: FAILED and dropped.
     */
    public Rollback rollback(String projection, Integer toVersion, String runId, int retiredKept) {
        ProjectionTarget target = target(projection);
        settle(target);
        record Plan(ProjectionVersionStore.Building catchUp, String heldBelow, int replaced, Optional<Integer> abandoned) {
        }
        Plan plan = inTransaction(connection -> {
            ledger.lock(connection, projection);
            Optional<ProjectionVersionStore.Building> building = ledger.building(connection, projection);
            if (building.isPresent() && runs.running(building.get().runId())) {
                throw new RebuildInProgress(projection + " is being rebuilt (version " + building.get().version() + ") by execution "
                        + building.get().runId() + "; roll back once it has ended");
            }
            // A BUILDING version whose run has ended (stopped, timed out) waits for a rebuild to resume it. The operator
            // rolling back wants the earlier version instead: it is abandoned (FAILED, no longer written, dropped), and
            // a later rebuild starts a new version from the LIVE one it then finds.
            Optional<Integer> abandoned = building.map(ProjectionVersionStore.Building::version);
            if (abandoned.isPresent()) {
                ledger.fail(connection, projection, abandoned.get(), "abandoned by " + runId + ": its run "
                        + building.get().runId() + " had ended without finishing");
            }
            ProjectionVersionStore.Version live = ledger.live(connection, projection)
                    .orElseThrow(() -> new IllegalStateException(projection + " has no LIVE version"));
            int to = toVersion != null ? toVersion : previousOf(live);
            if (to == live.version()) {
                throw new IllegalArgumentException(projection + " version " + to + " is already LIVE");
            }
            Optional<ProjectionVersionStore.Building> stale = ledger.catchingUp(connection, projection);
            if (stale.isPresent()) {
                // A rollback that did not finish (its function was stopped): it gives way, or is resumed below.
                ledger.endCatchUp(connection, projection, stale.get().version(), stale.get().runId());
            }
            ProjectionVersionStore.Version chosen = ledger.version(connection, projection, to).orElseThrow(() ->
                    new IllegalArgumentException(projection + " has no version " + to));
            if (!"RETIRED".equals(chosen.status())) {
                throw new IllegalArgumentException(projection + " version " + to + " is " + chosen.status()
                        + ": only a RETIRED version can be LIVE again" + ("DROPPED".equals(chosen.status())
                        ? " (its target was dropped; rebuild instead)" : ""));
            }
            return new Plan(ledger.startCatchUp(connection, chosen, runId), chosen.currentToXmin(), live.version(), abandoned);
        });
        plan.abandoned().ifPresent(version -> {
            target.drop(version);
            log.warn("{} version {} abandoned by {}: its rebuild had ended without finishing; FAILED and dropped", projection, version, runId);
        });
        int to = plan.catchUp().version();
        long started = System.nanoTime();
        RebuildState caughtUp;
        try {
            // Taken after the catch-up was committed: what commits later reaches the live path, which now writes it.
            EventLog.Mark taken = read(eventLog::highWaterMark);
            long mark = taken.sequence();
            // From the first event of a transaction the version may not hold, whatever its sequence (one committed late
            // has a lower one than events applied before it). A version retired before that was recorded: as far as
            // the sequence its live progress had reached.
            long from = plan.heldBelow() == null ? plan.catchUp().fromSequence()
                    : read(connection -> eventLog.catchUpFrom(connection, plan.heldBelow(), mark));
            inTransaction(connection -> {
                ledger.recordHighWaterMark(connection, projection, to, taken.sequence(), taken.snapshotXmin());
                ledger.recordCatchUpFrom(connection, projection, to, runId, from);
                return null;
            });
            caughtUp = new RebuildState(runId, from, mark, RebuildRequest.Pace.DEFAULT.orDefaults(),
                    List.of(new RebuildState.Target(projection, to, plan.catchUp().target(), mark, from, 0)), false, null);
            while (!caughtUp.done()) {
                caughtUp = replay(caughtUp, CATCH_UP_SLICE);
            }
            inTransaction(connection -> {
                ledger.lock(connection, projection);
                ProjectionVersionStore.Version version = ledger.version(connection, projection, to).orElseThrow();
                if (!"CATCHING_UP".equals(version.status()) || !runId.equals(version.runId())) {
                    throw new IllegalStateException("rollback " + runId + " no longer answers for " + projection + " version " + to);
                }
                target.pointReadersAt(connection, to);
                ledger.promote(connection, projection, to, "rollback");
                return null;
            });
        } catch (RuntimeException e) {
            inTransaction(connection -> {
                ledger.endCatchUp(connection, projection, to, runId);
                return null;
            });
            throw e;
        }
        settle(target);
        dropBeyondKept(target, retiredKept);
        RebuildState.Target done = caughtUp.targets().getFirst();
        log.info("{} rolled back: version {} is LIVE again in place of version {}, after catching up {} events ({} to {}) in {} ms",
                projection, to, plan.replaced(), done.eventsReplayed(), caughtUp.fromSequence(), done.highWaterMark(),
                (System.nanoTime() - started) / 1_000_000);
        return new Rollback(projection, to, plan.replaced(), caughtUp.fromSequence(), done.highWaterMark(), done.eventsReplayed());
    }

    /**
     * What a rollback did.
     *
     * @param live           the version LIVE again
     * @param replaced       the version it replaced (now RETIRED)
     * @param caughtUpFrom   where the catch-up started: before the first event of a transaction the version may not
     *                       hold when it was retired
     * @param caughtUpTo     the high-water mark its catch-up replayed to
     * @param eventsReplayed events replayed by the catch-up
     */
    public record Rollback(String projection, int live, int replaced, long caughtUpFrom, long caughtUpTo, long eventsReplayed) {
    }

    private static int previousOf(ProjectionVersionStore.Version live) {
        if (live.liveByRollback()) {
            throw new IllegalStateException(live.projection() + " version " + live.version() + " is LIVE by a rollback already (it replaced version "
                    + live.previousLive() + "); a second rollback in a row would bring back the version just rejected."
                    + " To go to a RETIRED version anyway, name it: rollback --to-version N");
        }
        if (live.previousLive() == null) {
            throw new IllegalStateException(live.projection() + " version " + live.version() + " has no version before it to roll back to");
        }
        return live.previousLive();
    }

    /**
     * Finishes a switch of readers: where they are switched after the ledger's commit (aliases), they are pointed at
     * the LIVE version (again: it is idempotent), and only then do the replaced versions stop being written.
     */
    private void settle(ProjectionTarget target) {
        String projection = target.projection();
        boolean pending = read(connection -> !ledger.retiring(connection, projection).isEmpty());
        if (!pending) {
            return;
        }
        read(connection -> ledger.live(connection, projection)).ifPresent(live -> target.pointReadersAfterCommit(live.version()));
        inTransaction(connection -> {
            ledger.lock(connection, projection);
            ledger.seal(connection, projection);
            return null;
        });
    }

    /** Drops the RETIRED versions beyond the most recently retired {@code kept}; a failure leaves them for next time. */
    private void dropBeyondKept(ProjectionTarget target, int kept) {
        try {
            for (int version : read(connection -> ledger.beyondKept(connection, target.projection(), kept))) {
                target.drop(version);
                inTransaction(connection -> {
                    ledger.dropped(connection, target.projection(), version);
                    return null;
                });
                log.info("{} version {} dropped: more than {} RETIRED", target.projection(), version, kept);
            }
        } catch (RuntimeException e) {
            log.warn("cannot drop the RETIRED versions of {} beyond {}: {}", target.projection(), kept, e.toString());
        }
    }

    /** A step on a connection of its own, in autocommit. */
    @FunctionalInterface
    private interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> step) {
        try (Connection connection = database.getConnection()) {
            return step.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("a rebuild step failed in the database", e);
        }
    }

    private <T> T inTransaction(Transactions.Work<T> step) {
        try (Connection connection = database.getConnection()) {
            return Transactions.commit(connection, step);
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
