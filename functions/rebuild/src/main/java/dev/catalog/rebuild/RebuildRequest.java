package dev.catalog.rebuild;

/**
 * What starts a rebuild (the state machine's input).
 *
 * @param projection   {@code detail}, {@code search} or {@code all} (both, replayed together)
 * @param fromSequence replay the events after this sequence (null or 0: the whole log). A partial replay starts the
 *                     new version as a copy of the LIVE one and replays the rest over it: the way to repair what a
 *                     faulty projection wrote since a given point.
 * @param pace         how hard replay pushes (null: the defaults); a gentler pace spares the database at busy hours
 */
public record RebuildRequest(String projection, Long fromSequence, Pace pace) {

    /**
     * @param batchEvents  events read and written per batch (default 2,000)
     * @param sliceSeconds how long one replay task works before handing back to the state machine (default 300);
     *                     0 means one batch per task
     */
    public record Pace(Integer batchEvents, Integer sliceSeconds) {

        public static final Pace DEFAULT = new Pace(2_000, 300);

        Pace orDefaults() {
            return new Pace(batchEvents == null ? DEFAULT.batchEvents : batchEvents, sliceSeconds == null ? DEFAULT.sliceSeconds : sliceSeconds);
        }
    }
}
