package dev.catalog.local.template;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule that invokes the function: {@code Type: Schedule} (an EventBridge rule) or {@code ScheduleV2}
 * (EventBridge Scheduler). The local runtime runs {@code rate()} expressions with a timer; a {@code cron()} one is
 * refused when the template is read, so the runtime never quietly skips what the template says.
 *
 * @param type       {@code Schedule} or {@code ScheduleV2}
 * @param expression the expression as written, e.g. {@code rate(1 hour)}
 * @param rate       the period of the expression
 * @param enabled    false when the template disables it ({@code Enabled: false} or {@code State: DISABLED})
 * @param input      {@code Input}: the JSON sent instead of EventBridge's scheduled event, when set
 */
public record ScheduleEvent(String name, String type, String expression, Duration rate, boolean enabled,
                            Optional<String> input) implements FunctionEvent {

    public ScheduleEvent {
        Objects.requireNonNull(rate, "rate");
        if (rate.isNegative() || rate.isZero()) {
            throw new IllegalArgumentException("a schedule's rate must be positive, not " + rate);
        }
    }

    /**
     * The period of {@code rate(<value> <unit>)}, units as EventBridge spells them (minute, minutes, hour, hours,
     * day, days), or why it is not one.
     */
    static Rate parseRate(String expression) {
        String trimmed = expression.strip();
        if (!trimmed.startsWith("rate(") || !trimmed.endsWith(")")) {
            return new Rate.Invalid("the local runtime runs rate() schedules only, found " + expression);
        }
        String[] parts = trimmed.substring("rate(".length(), trimmed.length() - 1).strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches("[1-9][0-9]{0,8}")) {
            return new Rate.Invalid("expected rate(<positive whole number> <unit>), found " + expression);
        }
        long value = Long.parseLong(parts[0]);
        return switch (parts[1]) {
            case "minute", "minutes" -> new Rate.Valid(Duration.ofMinutes(value));
            case "hour", "hours" -> new Rate.Valid(Duration.ofHours(value));
            case "day", "days" -> new Rate.Valid(Duration.ofDays(value));
            default -> new Rate.Invalid("expected a unit of minutes, hours or days, found " + expression);
        };
    }

    sealed interface Rate {
        record Valid(Duration period) implements Rate {
        }

        record Invalid(String problem) implements Rate {
        }
    }
}
