package dev.catalog.command.execution;

import java.sql.Connection;
import java.time.Instant;

/**
 * The command's database transaction, and the one instant the whole command happens at (every timestamp it
 * writes, in state and events alike, is this instant).
 */
public record Transaction(Connection connection, Instant now) {
}
