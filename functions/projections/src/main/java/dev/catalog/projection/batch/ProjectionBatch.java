package dev.catalog.projection.batch;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.catalog.platform.events.EventSchemas;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.projection.deadletter.DeadLetters;
import dev.catalog.projection.log.Decoded;
import dev.catalog.projection.log.OutboxRecord;
import dev.catalog.projection.log.OutboxRecords;
import dev.catalog.projection.log.RecordDecoder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One Kafka batch through a projection: decode every record, send what cannot be decoded or applied to the
 * dead-letter topic with the reason, apply the rest in bulk, and report as failed only records that could not even
 * be dead-lettered, so a poison record never blocks its partition. An event of a schema version newer than this code
 * knows is not poison: its partition stops there and is reported failed from it, so the event source retries it
 * (in order, with what follows) until the release that reads it is deployed. A store outage fails the whole batch
 * (thrown), which the event source retries.
 */
public final class ProjectionBatch {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBatch.class);

    private final Projection projection;
    private final DeadLetters deadLetters;
    private final EventSchemas schemas;

    public ProjectionBatch(Projection projection, DeadLetters deadLetters) {
        this(projection, deadLetters, EventSchemas.CURRENT);
    }

    /** @param schemas the event schema versions this code reads (a test gives the next release's) */
    ProjectionBatch(Projection projection, DeadLetters deadLetters, EventSchemas schemas) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.schemas = schemas;
    }

    public KafkaBatchResponse handle(KafkaEvent kafkaEvent) {
        long started = System.nanoTime();
        List<OutboxRecord> records = OutboxRecords.of(kafkaEvent);
        List<LoggedEvent> events = new ArrayList<>();
        Map<LoggedEvent, OutboxRecord> sources = new IdentityHashMap<>();
        List<DeadLetters.DeadLetter> letters = new ArrayList<>();
        Map<String, PartitionProgress> progress = new LinkedHashMap<>();
        Map<String, Long> waiting = new LinkedHashMap<>();
        int heartbeats = 0;

        for (OutboxRecord record : records) {
            if (waiting.containsKey(record.topicPartition())) {
                continue; // after an event this code cannot read yet: the partition resumes from it, in order
            }
            PartitionProgress partition = progress.computeIfAbsent(record.topicPartition(), name -> new PartitionProgress(name, 0, 0, null));
            switch (RecordDecoder.decode(record, schemas)) {
                case Decoded.Event event -> {
                    events.add(event.event());
                    sources.put(event.event(), record);
                    progress.put(record.topicPartition(), partition.merge(event.sequence(), 1, null));
                }
                case Decoded.Heartbeat heartbeat -> {
                    heartbeats++;
                    progress.put(record.topicPartition(), partition.merge(heartbeat.sequence(), 0, heartbeat.emittedAt()));
                }
                case Decoded.Newer newer -> {
                    waiting.put(record.topicPartition(), record.offset());
                    log.warn("{} projection: partition {} waits at offset {}: {}", projection.name(),
                            record.topicPartition(), record.offset(), newer.reason());
                }
                case Decoded.Poison poison -> letters.add(new DeadLetters.DeadLetter(record, poison.reason()));
            }
        }

        for (Projection.Refused refused : projection.apply(events, progress.values())) {
            letters.add(new DeadLetters.DeadLetter(sources.get(refused.event()), refused.reason()));
        }
        List<OutboxRecord> undelivered = deadLetters.send(projection.name(), letters);

        // A batch that only applied its events is logged at DEBUG: Lambda's REPORT line records every invocation,
        // projection_progress how far each partition got, and a line per batch cost half as much as decoding its records
        // (JFR, 100 commands/s). One that dead-lettered or left a partition waiting is logged at INFO, beside the WARN
        // of each record.
        log.atLevel(letters.isEmpty() && waiting.isEmpty() ? Level.DEBUG : Level.INFO)
                .log("{} projection: {} records, {} events, {} heartbeats, {} dead-lettered, {} partitions, {} waiting, {} ms",
                        projection.name(), records.size(), events.size(), heartbeats, letters.size() - undelivered.size(),
                        progress.size(), waiting.size(), (System.nanoTime() - started) / 1_000_000);
        return new KafkaBatchResponse(resumePoints(undelivered, waiting));
    }

    /**
     * For each partition, the first record that could not be dead-lettered or that waits for newer code: the event
     * source resumes there.
     */
    private static List<KafkaBatchResponse.BatchItemFailure> resumePoints(List<OutboxRecord> undelivered,
                                                                          Map<String, Long> waiting) {
        Map<String, Long> earliest = new LinkedHashMap<>(waiting);
        for (OutboxRecord record : undelivered) {
            earliest.merge(record.topicPartition(), record.offset(), Math::min);
        }
        return earliest.entrySet().stream()
                .map(entry -> new KafkaBatchResponse.BatchItemFailure(new KafkaBatchResponse.ItemIdentifier(entry.getKey(), entry.getValue())))
                .toList();
    }
}
