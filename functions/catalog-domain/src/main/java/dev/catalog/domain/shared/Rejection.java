package dev.catalog.domain.shared;

/**
 * A command the model refused, as a value. Each kind maps to one HTTP status at the edge:
 * a broken rule to 422, a conflict with existing data to 409, a missing aggregate to 404,
 * a stale expected version to 412.
 */
public sealed interface Rejection {

    RejectionCode code();

    String message();

    /** A business rule or value constraint was broken. {@code field} names the input at fault, if one is. */
    record RuleBroken(RejectionCode code, String field, String message) implements Rejection {
    }

    /** The command collides with data that already exists, such as a SKU already taken in the tenant. */
    record Conflict(RejectionCode code, String field, String message) implements Rejection {
    }

    /** The aggregate does not exist in the caller's tenant (or exists only in another tenant). */
    record NotFound(String message) implements Rejection {
        @Override
        public RejectionCode code() {
            return RejectionCode.NOT_FOUND;
        }
    }

    /** The caller expected another version than the current one: it decided on stale state. */
    record VersionMismatch(long expected, long actual) implements Rejection {
        @Override
        public RejectionCode code() {
            return RejectionCode.VERSION_MISMATCH;
        }

        @Override
        public String message() {
            return "expected version " + expected + " but the current version is " + actual;
        }
    }

    static Rejection ruleBroken(RejectionCode code, String field, String message) {
        return new RuleBroken(code, field, message);
    }

    static Rejection notFound(String what) {
        return new NotFound(what + " not found");
    }
}
