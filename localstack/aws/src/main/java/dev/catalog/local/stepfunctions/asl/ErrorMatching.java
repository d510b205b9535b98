package dev.catalog.local.stepfunctions.asl;

import dev.catalog.local.stepfunctions.ErrorNames;
import java.util.List;

/** Whether an error name matches a Retrier's or Catcher's {@code ErrorEquals}, with the wildcards' AWS meaning. */
final class ErrorMatching {

    private ErrorMatching() {
    }

    static boolean matches(List<String> errorEquals, String error) {
        for (String expected : errorEquals) {
            boolean match = switch (expected) {
                // States.ALL never matches the terminal States.Runtime / States.DataLimitExceeded (those never reach here).
                case ErrorNames.ALL -> true;
                // "States.TaskFailed acts as a wildcard that matches any known error name except for States.Timeout".
                case ErrorNames.TASK_FAILED -> !ErrorNames.TIMEOUT.equals(error);
                default -> expected.equals(error);
            };
            if (match) {
                return true;
            }
        }
        return false;
    }
}
