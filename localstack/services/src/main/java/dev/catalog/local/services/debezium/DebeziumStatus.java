package dev.catalog.local.services.debezium;

import dev.catalog.local.process.Supervisor;
import dev.catalog.local.services.postgres.ReplicationSlot;
import java.util.Optional;

/**
 * What {@code ./catalog status} shows about Debezium Server.
 *
 * @param process  what its supervisor is doing with the process: state, since when, restarts, last exit
 * @param health   its health endpoint's answer; UP says the connector runs, not that the database is reachable
 *                 (it retries a lost database while staying UP)
 * @param slot     its replication slot: whether it is connected, and how many bytes of WAL it has yet to confirm;
 *                 empty when the database cannot be asked or the slot does not exist yet
 */
public record DebeziumStatus(Supervisor.Status process, Health health, Optional<ReplicationSlot> slot) {

    public enum Health { UP, DOWN, UNREACHABLE }
}
