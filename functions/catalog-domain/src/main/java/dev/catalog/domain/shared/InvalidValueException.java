package dev.catalog.domain.shared;

/**
 * Thrown by a value object's constructor when the value breaks its constraint. A compact constructor cannot
 * return a rejection, so this carries one; the edge turns it into a field error, and aggregates never see an
 * invalid value.
 */
public final class InvalidValueException extends RuntimeException {

    private final RejectionCode code;

    public InvalidValueException(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }

    /** This violation as a rejection attributed to {@code field} of the input. */
    public Rejection asRejection(String field) {
        return new Rejection.RuleBroken(code, field, getMessage());
    }
}
