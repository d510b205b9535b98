package dev.catalog.query;

import dev.catalog.platform.http.ApiRequest;
import dev.catalog.platform.http.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * {@code ?minVersion=V}: a client reads its own write from a read model that is eventually consistent. The version a
 * command answered is the token; the read polls, with a growing interval, until the read model holds that version or
 * newer, for a bounded time, and then answers what it has, marked stale.
 */
public final class ReadYourWrites {

    public static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String MIN_VERSION = "minVersion";

    private ReadYourWrites() {
    }

    /** @param stale the read model had not reached the version asked for when the wait ended */
    public record Lookup<T>(Optional<T> found, boolean stale) {
    }

    /** Reads once without {@code minVersion}, otherwise waits for it for up to {@link #PATIENCE}. */
    public static <T> Lookup<T> read(ApiRequest request, Supplier<Optional<T>> reader, ToLongFunction<T> version) {
        OptionalLong minVersion = minVersion(request);
        return minVersion.isEmpty()
                ? new Lookup<>(reader.get(), false)
                : awaitVersion(reader, version, minVersion.getAsLong(), PATIENCE);
    }

    static <T> Lookup<T> awaitVersion(Supplier<Optional<T>> reader, ToLongFunction<T> version, long minVersion, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        long pause = 20;
        while (true) {
            Optional<T> found = reader.get();
            if (found.isPresent() && version.applyAsLong(found.get()) >= minVersion) {
                return new Lookup<>(found, false);
            }
            if (Instant.now().plusMillis(pause).isAfter(deadline)) {
                return new Lookup<>(found, true);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Lookup<>(found, true);
            }
            pause = Math.min(pause * 2, 250);
        }
    }

    private static OptionalLong minVersion(ApiRequest request) {
        Optional<String> raw = request.queryParameters().allowOnly(Set.of(MIN_VERSION)).single(MIN_VERSION);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long version = Long.parseLong(raw.get());
            if (version >= 1) {
                return OptionalLong.of(version);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.invalidRequest(MIN_VERSION, "must be a version number, 1 or higher");
    }
}
