package dev.catalog.rebuild;

/**
 * A rebuild or rollback of a projection that another run is already rebuilding or catching up: refused at once
 * (the state machine's error is this class's name), naming the run that has it, so two runs never share a version.
 */
public final class RebuildInProgress extends RuntimeException {

    public RebuildInProgress(String message) {
        super(message);
    }
}
