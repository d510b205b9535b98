package dev.catalog.command.http;

import dev.catalog.command.execution.CommandContext;
import dev.catalog.platform.http.ApiRequest;
import java.util.Optional;
import java.util.OptionalLong;

/** The conditions of a command request, read from its headers. */
public final class CommandRequests {

    private CommandRequests() {
    }

    /** For creating: no version to expect yet; an Idempotency-Key makes retries safe. */
    public static CommandContext creating(ApiRequest request) {
        return new CommandContext(request.tenant(), request.correlationId(), OptionalLong.empty(), idempotencyKey(request),
                request.deadline());
    }

    /** For changing with POST (activate, discontinue): If-Match required, Idempotency-Key honoured. */
    public static CommandContext changingByPost(ApiRequest request) {
        return new CommandContext(request.tenant(), request.correlationId(), OptionalLong.of(request.requiredIfMatch()),
                idempotencyKey(request), request.deadline());
    }

    /** For changing with PATCH, PUT or DELETE: If-Match required, which makes a retry harmless by itself. */
    public static CommandContext changing(ApiRequest request) {
        return new CommandContext(request.tenant(), request.correlationId(), OptionalLong.of(request.requiredIfMatch()),
                Optional.empty(), request.deadline());
    }

    /** For setting an absolute value (stock) where the last writer wins: If-Match checked only when sent. */
    public static CommandContext setting(ApiRequest request) {
        OptionalLong expected = request.optionalIfMatch().map(OptionalLong::of).orElseGet(OptionalLong::empty);
        return new CommandContext(request.tenant(), request.correlationId(), expected, Optional.empty(), request.deadline());
    }

    private static Optional<CommandContext.IdempotencyKey> idempotencyKey(ApiRequest request) {
        return request.idempotencyKey().map(key -> new CommandContext.IdempotencyKey(key, request.fingerprint()));
    }
}
