package dev.catalog.local.stepfunctions.intrinsics;

import java.util.Arrays;
import java.util.Optional;

/** The intrinsic functions of ASL's JSONPath mode, with the number of arguments each takes. */
public enum IntrinsicFunction {
    FORMAT("States.Format", 1, Integer.MAX_VALUE),
    STRING_TO_JSON("States.StringToJson", 1, 1),
    JSON_TO_STRING("States.JsonToString", 1, 1),
    ARRAY("States.Array", 0, Integer.MAX_VALUE),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2),
    ARRAY_RANGE("States.ArrayRange", 3, 3),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
    ARRAY_LENGTH("States.ArrayLength", 1, 1),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
    BASE64_ENCODE("States.Base64Encode", 1, 1),
    BASE64_DECODE("States.Base64Decode", 1, 1),
    HASH("States.Hash", 2, 2),
    JSON_MERGE("States.JsonMerge", 3, 3),
    MATH_RANDOM("States.MathRandom", 2, 3),
    MATH_ADD("States.MathAdd", 2, 2),
    STRING_SPLIT("States.StringSplit", 2, 2),
    UUID("States.UUID", 0, 0);

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

    public String aslName() {
        return aslName;
    }

    boolean accepts(int argumentCount) {
        return argumentCount >= minArguments && argumentCount <= maxArguments;
    }
}
