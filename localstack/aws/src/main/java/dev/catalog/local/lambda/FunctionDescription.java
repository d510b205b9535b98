package dev.catalog.local.lambda;

import java.util.Objects;

/** A hosted function as {@code ListFunctions} describes it ({@code FunctionConfiguration}). */
public record FunctionDescription(
        String functionName, String functionArn, String runtime, String handler, String role, int timeoutSeconds,
        int memorySizeMb) {

    public FunctionDescription {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
    }
}
