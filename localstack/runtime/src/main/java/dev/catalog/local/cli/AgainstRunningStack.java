package dev.catalog.local.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A command that works against the stack {@code ./catalog up} runs: without one it exits 1, after {@link RunningStack#find}
 * has said how to start it.
 */
public abstract class AgainstRunningStack implements Callable<Integer> {

    @Override
    public final Integer call() throws Exception {
        Optional<RunningStack> running = RunningStack.find();
        return running.isEmpty() ? 1 : run(running.get());
    }

    /** The command's work against the running stack; its exit code. */
    protected abstract int run(RunningStack stack) throws Exception;
}
