package dev.catalog.local.stepfunctions.intrinsics;

import java.util.List;

/** A parsed intrinsic function call such as {@code States.Format('{} items', $.count)}. */
public record IntrinsicCall(IntrinsicFunction function, List<IntrinsicArgument> arguments, String text)
        implements IntrinsicArgument {

    public IntrinsicCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public String toString() {
        return text;
    }
}
