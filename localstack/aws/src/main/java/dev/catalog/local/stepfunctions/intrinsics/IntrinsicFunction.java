package dev.catalog.local.stepfunctions.intrinsics;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The intrinsic functions the local engine runs, with the number of arguments each takes: the rebuild state machine's
 * {@code States.JsonToString}, and the three most state machines use beside it. The other intrinsics of ASL's JSONPath
 * mode (arrays, hashes, Base64, random numbers, UUIDs) are refused when a definition loads, by name.
 */
public enum IntrinsicFunction {
    FORMAT("States.Format", 1, Integer.MAX_VALUE),
    STRING_TO_JSON("States.StringToJson", 1, 1),
    JSON_TO_STRING("States.JsonToString", 1, 1),
    MATH_ADD("States.MathAdd", 2, 2);

    private final String aslName;
    private final int minArguments;
    private final int maxArguments;

    IntrinsicFunction(String aslName, int minArguments, int maxArguments) {
        this.aslName = aslName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    public static Optional<IntrinsicFunction> named(String aslName) {
        return Arrays.stream(values()).filter(f -> f.aslName.equals(aslName)).findFirst();
    }

    /** The names of all, comma-separated, for messages. */
    static String names() {
        return Arrays.stream(values()).map(IntrinsicFunction::aslName).collect(Collectors.joining(", "));
    }

    public String aslName() {
        return aslName;
    }

    boolean accepts(int argumentCount) {
        return argumentCount >= minArguments && argumentCount <= maxArguments;
    }
}
