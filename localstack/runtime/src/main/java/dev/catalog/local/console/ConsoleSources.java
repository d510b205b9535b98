package dev.catalog.local.console;

import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.stack.StackStatus;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the console reads from the stack it belongs to.
 *
 * @param api                   the HTTP API, which the console forwards {@code /api/*} to
 * @param aws                   the AWS endpoint (Step Functions and Lambda), which rebuilds go through
 * @param database              the stack's PostgreSQL: tenants, projection versions and progress, the event log
 * @param kafkaBootstrapServers the stack's Kafka, for the dead-letter topic's size
 * @param tokens                signs a token for a tenant, as {@code ./catalog token} does
 * @param status                the stack's status, exactly as {@code ./catalog status --json} prints it
 */
public record ConsoleSources(URI api, URI aws, PostgresConnection database, String kafkaBootstrapServers,
                             Function<String, String> tokens, Supplier<StackStatus> status) {

    public ConsoleSources {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(status, "status");
    }
}
