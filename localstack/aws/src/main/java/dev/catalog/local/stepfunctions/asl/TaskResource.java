package dev.catalog.local.stepfunctions.asl;

import dev.catalog.local.lambda.FunctionReference;

/** What a Task state runs. Only Lambda is supported; every other resource is refused when the definition loads. */
public sealed interface TaskResource {

    String arn();

    /** {@code "Resource": "arn:aws:lambda:...:function:name[:alias]"}: the state input is the event, the payload the result. */
    record LambdaFunction(String arn, FunctionReference function) implements TaskResource {
    }

    /**
     * {@code "Resource": "arn:aws:states:::lambda:invoke"}: {@code Parameters} carry {@code FunctionName},
     * {@code Payload} and optionally {@code Qualifier}; the result is the Invoke response with its metadata.
     */
    record LambdaInvoke(String arn) implements TaskResource {
        public static final String ARN = "arn:aws:states:::lambda:invoke";
    }
}
