package dev.catalog.local.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/**
 * One record on the dead-letter topic: the original record (key, value, headers) a projection could not use, and
 * the {@code dead-letter.*} headers saying which projection refused it, why, where it came from and when.
 *
 * @param offset  its offset on the dead-letter topic, which names it for a replay
 * @param source  {@code <topic>-<partition>@<offset>} of the original record
 * @param headers the original record's headers, without the {@code dead-letter.*} ones
 */
public record DeadLetter(long offset, String projection, String reason, String source, Optional<Instant> at,
                         String key, byte[] value, List<Header> headers) {

    static final String PREFIX = "dead-letter.";

    /** The tenant, from the key {@code <tenant>:<aggregate id>}. */
    public String tenant() {
        int colon = key == null ? -1 : key.indexOf(':');
        return colon < 0 ? "?" : key.substring(0, colon);
    }

    /** The aggregate, {@code <aggregate type> <id>} when the headers say its type. */
    public String aggregate() {
        int colon = key == null ? -1 : key.indexOf(':');
        String id = colon < 0 ? String.valueOf(key) : key.substring(colon + 1);
        return header("aggregate_type").map(type -> type + " " + id).orElse(id);
    }

    public String eventType() {
        return header("event_type").orElse("?");
    }

    public String eventId() {
        return header("event_id").orElse("?");
    }

    /** A header of the original record, without the quotes Debezium's JSON encoding puts around strings. */
    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.key().equals(name)).reduce((first, last) -> last)
                .map(header -> header.value() == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
                .map(text -> text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                        ? text.substring(1, text.length() - 1) : text);
    }

    /** The original record's topic, partition and offset, from {@link #source()}; empty when unreadable. */
    public Optional<Origin> origin() {
        int at = source.lastIndexOf('@');
        int dash = at < 0 ? -1 : source.lastIndexOf('-', at);
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Origin(source.substring(0, dash), Integer.parseInt(source.substring(dash + 1, at)),
                    Long.parseLong(source.substring(at + 1))));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    public record Origin(String topic, int partition, long offset) {
    }
}
