package dev.catalog.local.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catalog.local.rebuilds.RebuildControl;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.platform.json.Json;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.platform.projection.ProjectionVersionStore;
import dev.catalog.search.document.AttributeFacets;
import dev.catalog.search.document.InventoryPart;
import dev.catalog.search.document.ProductDocument;
import dev.catalog.search.document.ProductPart;
import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * {@code ./catalog bench rebuild}: rebuilds on a log of at least a million events, into each read model and both
 * together, and in the same run the ceiling: the same final rows written with plain JDBC batches into an empty read
 * schema, and the same final documents bulk-indexed into an empty index. A log that is too short is first extended
 * with generated histories (written as the command functions would write them) and streamed through the live path.
 */
public final class RebuildBenchmark {

    private static final int CEILING_VERSION = 99_999;
    private static final String LOGGED_EVENTS = "select count(*) from outbox where aggregate_type in ('product', 'category', 'inventory')";
    private static final long PROGRESS_EVERY = 100_000;
    private static final ProjectionVersionStore VERSIONS = new ProjectionVersionStore();
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    public record Settings(PostgresConnection database, URI openSearch, String kafkaBootstrapServers, RebuildControl rebuilds,
                           long minimumEvents, int products, int tenants, Integer batchEvents) {
    }

    private final Settings settings;

    public RebuildBenchmark(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintStream out) throws Exception {
        long events = count(LOGGED_EVENTS);
        if (events < settings.minimumEvents()) {
            // Histories as long as --events and --products ask for together (ten events a product by default), and
            // only as many products as the log lacks.
            int perProduct = (int) Math.max(1, Math.ceil(settings.minimumEvents() / (double) settings.products()));
            int products = (int) Math.min(settings.products(), Math.ceil((settings.minimumEvents() - events) / (double) perProduct) + 1);
            int tenants = Math.min(settings.tenants(), products);
            out.printf("The log has %,d events; generating %,d products with ~%d events each...%n", events, products, perProduct);
            Instant started = Instant.now();
            EventLogGenerator generator = new EventLogGenerator(42);
            // A line per hundred thousand events, so that the output reads the same in a terminal and in a log file.
            long[] reported = {events / PROGRESS_EVERY};
            while (events < settings.minimumEvents()) {
                long before = events;
                generator.write(settings.database(), tenants, products, perProduct, done -> {
                    if ((before + done) / PROGRESS_EVERY > reported[0]) {
                        reported[0] = (before + done) / PROGRESS_EVERY;
                        out.printf("  %,d events written%n", before + done);
                    }
                });
                events = count(LOGGED_EVENTS);
                // Histories are drawn at random: top up what the average fell short of with a few more products.
                products = (int) Math.ceil((settings.minimumEvents() - events) / (double) perProduct) + 1;
                tenants = 1;
            }
            out.printf("  %,d events in %d s%n", events, Duration.between(started, Instant.now()).toSeconds());
        }
        long products = count("select count(*) from product");
        out.printf("Log: %,d events, %,d products. Waiting for the live path to catch up...%n", events, products);
        awaitLiveCaughtUp(out);

        out.printf("Rebuilding through the state machine, %s events per replay batch...%n",
                settings.batchEvents() == null ? "the default" : "%,d".formatted(settings.batchEvents()));
        Map<String, Result> rebuilds = new LinkedHashMap<>();
        for (String projection : List.of(ProjectionName.DETAIL.id(), ProjectionName.SEARCH.id(), ProjectionName.ALL)) {
            Result result = rebuild(projection);
            rebuilds.put(projection, result);
            out.printf("  rebuild %-6s  %,9d events replayed in %6.1f s = %,8.0f events/s (execution %5.1f s, verification %5.1f s)%n",
                    projection, result.events(), result.replaySeconds(), result.events() / result.replaySeconds(),
                    result.totalSeconds(), result.verifySeconds());
        }

        double detailCeiling = detailCeiling();
        double searchCeiling = searchCeiling();
        out.printf("Ceiling, same final state written directly into an empty target (%,d products):%n", products);
        out.printf("  read schema, plain JDBC batch inserts   %6.1f s = %,8.0f rows/s%n", detailCeiling, products / detailCeiling);
        out.printf("  OpenSearch, bulk indexing of documents  %6.1f s = %,8.0f docs/s%n", searchCeiling, products / searchCeiling);
        out.println("Rebuild/ceiling (ceiling time / replay time; 100 % would be as fast as writing the final state once):");
        out.printf("  detail %5.1f %%   search %5.1f %%   all %5.1f %% (of both ceilings together)%n",
                100 * detailCeiling / rebuilds.get(ProjectionName.DETAIL.id()).replaySeconds(),
                100 * searchCeiling / rebuilds.get(ProjectionName.SEARCH.id()).replaySeconds(),
                100 * (detailCeiling + searchCeiling) / rebuilds.get(ProjectionName.ALL).replaySeconds());
    }

    /** @param replaySeconds from the first Replay task's start to the last one's end */
    private record Result(long events, double replaySeconds, double verifySeconds, double totalSeconds) {
    }

    private Result rebuild(String projection) throws Exception {
        String execution = settings.rebuilds().start(new RebuildControl.Request(projection, null, settings.batchEvents(), null));
        DescribeExecutionResponse described;
        do {
            Thread.sleep(500);
            described = settings.rebuilds().describe(execution);
        } while (described.status() == ExecutionStatus.RUNNING);
        if (described.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("rebuild of " + projection + " ended " + described.status() + ": " + described.error() + " " + described.cause());
        }
        List<HistoryEvent> history = settings.rebuilds().history(execution);
        Instant replayStart = at(history, HistoryEventType.TASK_STATE_ENTERED, "Replay", true);
        Instant replayEnd = at(history, HistoryEventType.TASK_STATE_EXITED, "Replay", false);
        Instant verifyStart = at(history, HistoryEventType.TASK_STATE_ENTERED, "Verify", true);
        Instant verifyEnd = at(history, HistoryEventType.TASK_STATE_EXITED, "Verify", false);
        long replayed;
        try (Connection connection = settings.database().open()) {
            replayed = VERSIONS.eventsReplayedIntoLive(connection,
                    ProjectionName.named(projection).stream().map(ProjectionName::id).toList());
        }
        if (ProjectionName.ALL.equals(projection)) {
            replayed /= 2;
        }
        return new Result(replayed, seconds(replayStart, replayEnd), seconds(verifyStart, verifyEnd),
                seconds(described.startDate(), described.stopDate()));
    }

    private static Instant at(List<HistoryEvent> history, HistoryEventType type, String state, boolean first) {
        List<Instant> times = history.stream().filter(event -> event.type() == type)
                .filter(event -> state.equals(type == HistoryEventType.TASK_STATE_ENTERED
                        ? event.stateEnteredEventDetails().name() : event.stateExitedEventDetails().name()))
                .map(HistoryEvent::timestamp).toList();
        return first ? times.getFirst() : times.getLast();
    }

    /** The final rows, read from the write model, inserted with plain JDBC batches into an empty read schema. */
    private double detailCeiling() throws SQLException {
        String schema = "read_v" + CEILING_VERSION;
        try (Connection connection = settings.database().open(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("select create_read_schema('" + schema + "')");
            connection.setAutoCommit(false);
            Instant started = Instant.now();
            try (PreparedStatement insert = connection.prepareStatement("insert into " + schema + """
                    .product_detail (tenant_id, id, sku, name, description, brand, category_id, category_name, category_path,
                                     price_amount, price_currency, status, attributes, created_at, updated_at, product_version,
                                     stock, stock_total, inventory_version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)""");
                 ResultSet rows = statement.executeQuery("""
                         with recursive up (tenant_id, start, id, parent_id, name, depth) as (
                             select tenant_id, id, id, parent_id, name, 0 from category
                             union all
                             select up.tenant_id, up.start, c.id, c.parent_id, c.name, up.depth + 1
                               from up join category c on c.tenant_id = up.tenant_id and c.id = up.parent_id
                         ), paths as (
                             select tenant_id, start, jsonb_agg(jsonb_build_object('id', id, 'name', name) order by depth desc) as path
                               from up group by tenant_id, start
                         )
                         select p.tenant_id, p.id, p.sku, p.name, p.description, p.brand, p.category_id, c.name as category_name,
                                coalesce(paths.path, '[]')::text, p.price_amount, p.price_currency, p.status, p.attributes::text,
                                p.created_at, p.updated_at, p.version,
                                coalesce((select jsonb_object_agg(warehouse, quantity) from stock_level s
                                           where s.tenant_id = p.tenant_id and s.product_id = p.id), '{}')::text as stock,
                                coalesce((select sum(quantity) from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id), 0) as stock_total,
                                coalesce(i.version, 0) as inventory_version
                           from product p left join category c on c.tenant_id = p.tenant_id and c.id = p.category_id
                           left join paths on paths.tenant_id = p.tenant_id and paths.start = p.category_id
                           left join inventory i on i.tenant_id = p.tenant_id and i.product_id = p.id""")) {
                int pending = 0;
                while (rows.next()) {
                    for (int column = 1; column <= 19; column++) {
                        insert.setObject(column, rows.getObject(column));
                    }
                    insert.addBatch();
                    if (++pending == 1_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double seconds = seconds(started, Instant.now());
            connection.setAutoCommit(true);
            statement.execute("drop schema " + schema + " cascade");
            return seconds;
        }
    }

    /** The final documents, built from the write model, bulk-indexed into an empty index. */
    private double searchCeiling() throws SQLException, IOException {
        OpenSearchClient client = SearchClients.create(new SearchSettings(settings.openSearch(), SearchSettings.Authentication.NONE, null));
        SearchIndexAdmin admin = new SearchIndexAdmin(client);
        SearchIndices indices = admin.create(CEILING_VERSION);
        try (Connection connection = settings.database().open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.setFetchSize(5_000);
            Instant started = Instant.now();
            try (ResultSet rows = statement.executeQuery("""
                    select p.tenant_id, p.id::text, p.sku, p.name, p.description, p.brand, p.category_id::text, p.price_amount,
                           p.price_currency, p.status, p.version, p.created_at, p.updated_at, coalesce(i.version, 0),
                           coalesce((select sum(quantity) from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id), 0),
                           p.attributes::text
                      from product p left join inventory i on i.tenant_id = p.tenant_id and i.product_id = p.id""")) {
                List<BulkOperation> operations = new ArrayList<>();
                while (rows.next()) {
                    Map<String, String> attributes = Json.mapper().readValue(rows.getString(16), ATTRIBUTES);
                    ProductPart product = new ProductPart(false, rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7),
                            new ProductPart.Price(rows.getBigDecimal(8), rows.getBigDecimal(8).toPlainString(), rows.getString(9)),
                            rows.getString(10), attributes,
                            attributes.entrySet().stream().map(entry -> AttributeFacets.keyword(entry.getKey(), entry.getValue())).toList(),
                            rows.getTimestamp(12).toInstant().toString(), rows.getTimestamp(13).toInstant().toString(), null, null);
                    long stock = rows.getLong(15);
                    ProductDocument document = new ProductDocument(rows.getString(1), rows.getString(2), product,
                            new InventoryPart(stock, stock > 0), new ProductDocument.Versions(rows.getLong(11), rows.getLong(14)));
                    operations.add(BulkOperation.of(op -> op.index(index -> index.index(indices.products())
                            .id(document.productId()).document(document))));
                    if (operations.size() == 5_000) {
                        bulk(client, operations);
                    }
                }
                bulk(client, operations);
            }
            double seconds = seconds(started, Instant.now());
            connection.rollback();
            return seconds;
        } finally {
            admin.delete(CEILING_VERSION);
        }
    }

    private static void bulk(OpenSearchClient client, List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        try {
            var response = client.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("bulk indexing failed: " + response.items().stream()
                        .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        operations.clear();
    }

    /**
     * Until Debezium has published the head of the log (a LIVE version applied it) and every projection mapping's
     * consumer group has committed the end of every partition of the event topic: the live path is idle, so the
     * rebuilds measure replay, not a contest with a backlog.
     */
    private void awaitLiveCaughtUp(PrintStream out) throws Exception {
        long head = count("select coalesce(max(sequence), 0) from outbox where aggregate_type in ('product', 'category', 'inventory')");
        Instant started = Instant.now();
        long reported = 0;
        try (Admin kafka = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers()))) {
            while (true) {
                long behind;
                try (Connection connection = settings.database().open()) {
                    behind = VERSIONS.liveVersionsShortOf(connection, head);
                }
                long lag = behind > 0 ? -1 : eventTopicLag(kafka);
                long waited = Duration.between(started, Instant.now()).toSeconds();
                if (lag == 0) {
                    out.printf("  live path caught up in %d s%n", waited);
                    return;
                }
                if (waited / 30 > reported) {
                    reported = waited / 30;
                    out.printf("  still waiting after %d s: %s%n", waited, behind > 0 ? behind + " LIVE version(s) short of sequence " + head
                            : lag < 0 ? "no consumer group has committed yet" : lag + " records not yet committed by the slowest consumer group");
                }
                Thread.sleep(2_000);
            }
        }
    }

    /**
     * Records of the event topic not yet committed by the slowest consumer group. A heartbeat (one every 5 s, on the
     * same topic) can make it 1 for the few milliseconds before the projections apply it: the caller looks again.
     */
    private static long eventTopicLag(Admin kafka) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (GroupListing group : kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            kafka.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
                if (CatalogTopics.EVENTS.equals(partition.topic()) && offset != null) {
                    committed.merge(partition, offset.offset(), Math::min);
                }
            });
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        long lag = 0;
        for (var end : kafka.listOffsets(latest).all().get().entrySet()) {
            lag += end.getValue().offset() - committed.get(end.getKey());
        }
        return committed.isEmpty() ? -1 : lag;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = settings.database().open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
