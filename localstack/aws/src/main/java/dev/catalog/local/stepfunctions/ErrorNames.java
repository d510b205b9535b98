package dev.catalog.local.stepfunctions;

/** The predefined error names of the Amazon States Language that this engine raises or matches. */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    /** What Step Functions reports for a function failure that has no {@code errorType} (timeouts, crashes). */
    public static final String LAMBDA_UNKNOWN = "Lambda.Unknown";

    private ErrorNames() {
    }
}
