package dev.catalog.rebuild;

import java.util.List;
import java.util.Objects;

/**
 * What the rebuild state machine carries from task to task. Everything it needs to go on is also recorded in
 * {@code projection_version}, so a new run resumes a stopped one from there.
 *
 * @param highWaterMark the last sequence replay covers (the highest of the targets'): every event committed when it
 *                      was taken; the live path covers everything after it (it writes the BUILDING version too)
 * @param verification  null until verified
 */
public record RebuildState(String runId, long fromSequence, long highWaterMark, RebuildRequest.Pace pace,
                           List<Target> targets, boolean done, Verification verification) {

    public RebuildState {
        Objects.requireNonNull(runId, "runId");
        targets = List.copyOf(targets);
    }

    /**
     * One version being built.
     *
     * @param target        schema {@code read_v<N>} or index {@code products_v<N>}
     * @param highWaterMark where its replay ends (a resumed version keeps the mark it was given first)
     * @param position      the sequence replay has reached for it
     */
    public record Target(String projection, int version, String target, long highWaterMark, long position,
                         long eventsReplayed) {

        boolean replayed() {
            return position >= highWaterMark;
        }

        Target advancedTo(long reached, long events) {
            return new Target(projection, version, target, highWaterMark, Math.max(position, reached), eventsReplayed + events);
        }

        Target resumedAt(long recordedPosition, long recordedEvents) {
            return new Target(projection, version, target, highWaterMark, recordedPosition, recordedEvents);
        }
    }

    /** @param findings what differs from the write model, a few examples per kind; empty when it passed */
    public record Verification(boolean passed, List<String> findings) {
        public Verification {
            findings = List.copyOf(findings);
        }
    }

    RebuildState withTargets(List<Target> updated, boolean allDone) {
        return new RebuildState(runId, fromSequence, highWaterMark, pace, updated, allDone, verification);
    }

    RebuildState withVerification(Verification result) {
        return new RebuildState(runId, fromSequence, highWaterMark, pace, targets, done, result);
    }
}
