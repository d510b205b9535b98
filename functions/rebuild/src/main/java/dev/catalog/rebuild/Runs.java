package dev.catalog.rebuild;

/** Whether the run that answers for a version (a Step Functions execution) is still going. */
@FunctionalInterface
public interface Runs {

    /** True while the run is going; false once it has ended in any way, or when no such run exists. */
    boolean running(String runId);
}
