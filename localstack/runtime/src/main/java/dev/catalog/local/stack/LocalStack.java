package dev.catalog.local.stack;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.awsapi.LocalAwsEndpoint;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.console.ConsoleServer;
import dev.catalog.local.console.ConsoleSources;
import dev.catalog.local.eventsources.EventSourceMappings;
import dev.catalog.local.eventsources.EventSourceSettings;
import dev.catalog.local.eventsources.MappingDefinition;
import dev.catalog.local.functions.FunctionHost;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.gateway.LocalHttpApi;
import dev.catalog.local.gateway.LocalHttpApiSettings;
import dev.catalog.local.gateway.RouteTable;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.schedules.Schedules;
import dev.catalog.local.services.debezium.DebeziumServer;
import dev.catalog.local.services.debezium.DebeziumStatus;
import dev.catalog.local.services.kafka.KafkaBroker;
import dev.catalog.local.services.opensearch.OpenSearchNode;
import dev.catalog.local.services.opensearch.OpenSearchSettings;
import dev.catalog.local.services.postgres.DatabaseLogins;
import dev.catalog.local.services.postgres.Migrations;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.local.stepfunctions.StateMachineSource;
import dev.catalog.local.template.CloudFormationYaml;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: PostgreSQL, Kafka and OpenSearch as child processes, and the functions of
 * template.yaml hosted behind the local HTTP API, their MSK event source mappings and their schedules. {@code ./catalog up} runs one;
 * every system test run shares one.
 * Components start in dependency order and stop in reverse, also when a later one fails to start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    // Supervised: a service that dies is started again (with backoff). Everything else reaches them by their
    // fixed ports, never through an instance, so a restart changes nothing for the rest of the stack.
    private Supervisor<PostgresServer> postgres;
    private Supervisor<KafkaBroker> kafka;
    private DebeziumServer debezium;
    private Supervisor<OpenSearchNode> openSearch;
    private FunctionHost functions;
    private LocalHttpApi httpApi;
    private LocalAwsEndpoint awsEndpoint;
    private EventSourceMappings eventSources;
    private Schedules schedules;
    private LocalTokenIssuer tokens;
    private ConsoleServer console;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException failure) {
            stack.close();
            throw failure;
        }
    }

    private void startAll() {
        StackPorts ports = settings.ports();
        if (settings.fresh()) {
            wipe(settings.layout().root().resolve("data"));
        }
        // Only the first start may wipe: a restart after a crash recovers the data the crash left.
        java.util.concurrent.atomic.AtomicBoolean wipe = new java.util.concurrent.atomic.AtomicBoolean(settings.fresh());
        postgres = timed("PostgreSQL", () -> Supervisor.start("PostgreSQL", () -> PostgresServer.start(settings.layout(),
                ports.postgres(), wipe.getAndSet(false) ? PostgresServer.ExistingData.WIPE : PostgresServer.ExistingData.KEEP)));
        started.push(postgres);
        int migrations = Migrations.apply(database());
        log.info("database schema up to date ({} migrations applied now)", migrations);
        PostgresConnection debeziumLogin = DatabaseLogins.enable(database()).get(DatabaseRole.DEBEZIUM);

        kafka = timed("Kafka", () -> Supervisor.start("Kafka",
                () -> KafkaBroker.start(settings.layout(), ports.kafka(), ports.kafkaController())));
        started.push(kafka);
        KafkaBroker broker = kafka.current().orElseThrow();
        broker.ensureTopics(CatalogTopics.all());

        debezium = timed("Debezium Server", () -> DebeziumServer.start(new DebeziumServer.Settings(
                settings.layout(), ports.debezium(), debeziumLogin, kafkaBootstrapServers())));
        started.push(debezium);

        openSearch = timed("OpenSearch", () -> Supervisor.start("OpenSearch", () -> OpenSearchNode.start(
                OpenSearchSettings.forStack(settings.layout(), ports.openSearch(), ports.openSearchTransport()))));
        started.push(openSearch);
        prepareSearchIndices(openSearchUrl());

        LocalSigningKey signingKey = LocalSigningKey.loadOrCreate(settings.layout().dataDir("auth"));
        tokens = new LocalTokenIssuer(signingKey, Clock.systemUTC());
        SamTemplate template = template(settings);
        functions = new FunctionHost(template, FunctionHostSettings.local(settings.layout().dataDir("functions"))
                .withVariables(functionVariables(ports)).withSecretStandIns(secretStandIns(ports)));
        started.push(functions);
        try {
            httpApi = LocalHttpApi.start(RouteTable.of(template), functions,
                    LocalHttpApiSettings.local(ports.api(), signingKey.publicKeys()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the HTTP API on 127.0.0.1:" + ports.api()
                    + " (is another stack running? ./catalog status)", e);
        }
        started.push(httpApi);

        List<MappingDefinition> mappings = MappingDefinition.of(template);
        // Destination topics exist before the mappings start, as MSK requires; partitioned like the source topic,
        // since Lambda produces each failed record with its own key.
        broker.ensureTopics(MappingDefinition.failureTopics(mappings).stream()
                .map(topic -> new KafkaTopic(topic, CatalogTopics.EVENT_PARTITIONS)).toList());
        eventSources = EventSourceMappings.start(mappings, functions, EventSourceSettings.local(kafkaBootstrapServers()));
        started.push(eventSources);
        // The template's schedules (the retention task): timers instead of EventBridge, invoking the same functions.
        schedules = Schedules.start(Schedules.of(template), functions, Clock.systemUTC());
        started.push(schedules);

        awsEndpoint = LocalAwsEndpoint.start(new LocalAwsEndpoint.Settings("127.0.0.1", ports.aws(),
                FunctionHostSettings.LOCAL_REGION, FunctionHostSettings.LOCAL_ACCOUNT_ID,
                settings.layout().dataDir("stepfunctions"), stateMachines(template)), new HostedFunctions(template, functions));
        started.push(awsEndpoint);
        awsEndpoint.serve(StatusEndpoint.PATH, new StatusEndpoint(this));

        try {
            console = ConsoleServer.start(ports.console(), new ConsoleSources(apiUrl(), awsEndpoint.url(), database(),
                    kafkaBootstrapServers(), this::token, this::status));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the console on 127.0.0.1:" + ports.console(), e);
        }
        started.push(console);
    }

    /**
     * A fresh stack gets version 1 of the search indices behind their aliases, as the AWS setup step creates them;
     * an existing one keeps whatever version a rebuild made live.
     */
    private static void prepareSearchIndices(URI openSearchUrl) {
        SearchIndexAdmin admin = new SearchIndexAdmin(SearchClients.create(
                new SearchSettings(openSearchUrl, SearchSettings.Authentication.NONE, null)));
        if (admin.aliasedVersion().isEmpty()) {
            admin.create(1);
            admin.pointAliasesAt(1);
            log.info("search indices {} created behind their aliases", new SearchIndices(1));
        }
    }

    /**
     * What Lambda and the stack's resources would give every function, as local endpoints and credentials. A
     * function of template.yaml sees these over its own template variables.
     */
    public static Map<String, String> functionVariables(StackPorts ports) {
        PostgresConnection database = PostgresServer.connectionOnPort(ports.postgres());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DB_URL", database.jdbcUrl());
        // One environment serves concurrent requests locally (Lambda would start more environments instead).
        variables.put("DB_POOL_SIZE", "8");
        variables.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        variables.put("KAFKA_AUTH", "none");
        variables.put("OPENSEARCH_URL", "http://127.0.0.1:" + ports.openSearch());
        variables.put("OPENSEARCH_AUTH", "none");
        variables.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + ports.aws());
        return variables;
    }

    /** What a function on {@code role}'s side is given: the shared variables and its side's database credentials. */
    public static Map<String, String> functionVariables(StackPorts ports, DatabaseRole role) {
        Map<String, String> variables = new LinkedHashMap<>(functionVariables(ports));
        variables.putAll(secretStandIns(ports).get(LocalResources.secretArn(role)));
        return variables;
    }

    /**
     * The database credentials standing in for the secrets template.yaml gives the functions as {@code DB_SECRET_ARN}:
     * each side's role (its own secret in AWS), and the owner for the master user's secret (the setup step).
     */
    public static Map<String, Map<String, String>> secretStandIns(StackPorts ports) {
        PostgresConnection owner = PostgresServer.connectionOnPort(ports.postgres());
        Map<String, Map<String, String>> standIns = new LinkedHashMap<>();
        standIns.put(LocalResources.MASTER_SECRET_ARN, Map.of("DB_USER", owner.user(), "DB_PASSWORD", owner.password()));
        for (DatabaseRole role : DatabaseRole.values()) {
            // Trusted on loopback: the password is never checked, the role is what limits the function.
            standIns.put(LocalResources.secretArn(role), Map.of("DB_USER", role.roleName(), "DB_PASSWORD", role.roleName()));
        }
        return standIns;
    }

    /** template.yaml as the local stack on {@code ports} runs it. */
    public static SamTemplate template(StackSettings settings) {
        return SamTemplate.load(settings.template(), LocalResources.forStack(settings.ports(), functionIds(settings.template())));
    }

    /** The logical ids of the template's functions, read before anything in it is resolved. */
    @SuppressWarnings("unchecked")
    private static java.util.Set<String> functionIds(java.nio.file.Path template) {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(template).getOrDefault("Resources", Map.of());
        return resources.entrySet().stream()
                .filter(resource -> resource.getValue() instanceof Map<?, ?> body && "AWS::Serverless::Function".equals(body.get("Type")))
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The template's state machines, as the local Step Functions runs them: same definition, local function ARNs. */
    private static List<StateMachineSource> stateMachines(SamTemplate template) {
        return template.stateMachines().values().stream()
                .map(machine -> new StateMachineSource(machine.name().orElse(machine.logicalId()),
                        machine.definitionUri().orElseThrow(() -> new IllegalStateException("state machine " + machine.logicalId()
                                + " has no DefinitionUri; the local runtime runs definitions from files")),
                        machine.definitionSubstitutions(),
                        "arn:aws:iam::" + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":role/" + machine.logicalId()))
                .toList();
    }

    public StackSettings settings() {
        return settings;
    }

    public PostgresConnection database() {
        return PostgresServer.connectionOnPort(settings.ports().postgres());
    }

    public String kafkaBootstrapServers() {
        return KafkaBroker.bootstrapServers(settings.ports().kafka());
    }

    public DebeziumServer debezium() {
        return debezium;
    }

    public DebeziumStatus debeziumStatus() {
        return debezium.status();
    }

    public URI openSearchUrl() {
        return OpenSearchNode.baseUri(settings.ports().openSearch());
    }

    /** The supervised service processes, in start order: what runs, what is down and since when, restarts. */
    public List<Supervisor.Status> processes() {
        return List.of(postgres.status(), kafka.status(), debezium.status().process(), openSearch.status());
    }

    /** The supervisor of each service process, by the name {@link #processes()} gives it; for fault tests. */
    public Supervisor<?> supervisor(String name) {
        return switch (name) {
            case "PostgreSQL" -> postgres;
            case "Kafka" -> kafka;
            case "OpenSearch" -> openSearch;
            default -> throw new IllegalArgumentException("no supervised service " + name
                    + " (Debezium Server has its own: debezium())");
        };
    }

    public FunctionHost functions() {
        return functions;
    }

    public LocalAwsEndpoint awsEndpoint() {
        return awsEndpoint;
    }

    /** The MSK event sources of template.yaml, with their status. */
    public EventSourceMappings eventSources() {
        return eventSources;
    }

    /** The schedules of template.yaml, as timers. */
    public Schedules schedules() {
        return schedules;
    }

    public URI apiUrl() {
        return httpApi.endpoint();
    }

    /** The console in the browser. */
    public URI consoleUrl() {
        return console.url();
    }

    /** Where {@code ./catalog status} asks a running stack how it is. */
    public static URI statusUrl(StackPorts ports) {
        return URI.create("http://127.0.0.1:" + ports.aws() + StatusEndpoint.PATH);
    }

    /** Every component as it is now. */
    public StackStatus status() {
        return new StatusProbe(this).probe();
    }

    /** A token the local HTTP API accepts, for {@code tenant}. */
    public String token(String tenant) {
        return tokens.issue(tenant);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", component.getClass().getSimpleName(), e);
            }
        }
    }

    /** Everything the stack stored, so every service starts as new; the distributions are elsewhere and stay. */
    private static void wipe(java.nio.file.Path data) {
        if (!java.nio.file.Files.exists(data)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(data)) {
            for (java.nio.file.Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + data, e);
        }
        log.info("wiped {}", data);
    }

    private static <T> T timed(String name, java.util.function.Supplier<T> start) {
        long began = System.nanoTime();
        T component = start.get();
        log.info("{} ready in {} ms", name, Duration.ofNanos(System.nanoTime() - began).toMillis());
        return component;
    }
}
