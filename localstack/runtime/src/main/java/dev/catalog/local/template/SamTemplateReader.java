package dev.catalog.local.template;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link SamTemplate} model from the template's document, collecting every problem before failing. */
final class SamTemplateReader {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final String STATE_MACHINE = "AWS::Serverless::StateMachine";
    private static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";
    private static final String ANY_METHOD = "ANY";
    /** How SAM's own OpenAPI spells ANY; templates copied from it use it too. */
    private static final String OPENAPI_ANY_METHOD = "X-AMAZON-APIGATEWAY-ANY-METHOD";

    private final Path file;
    private final Map<String, Object> document;
    private final IntrinsicEvaluator evaluator;
    private final List<String> problems = new ArrayList<>();

    SamTemplateReader(Path file, Map<String, Object> document, IntrinsicResolver resolver) {
        this.file = file;
        this.document = document;
        this.evaluator = new IntrinsicEvaluator(resolver, document);
    }

    SamTemplate read() {
        Map<String, ServerlessFunction> functions = new LinkedHashMap<>();
        Map<String, HttpApi> httpApis = new LinkedHashMap<>();
        Map<String, StateMachine> stateMachines = new LinkedHashMap<>();
        resources().forEach((logicalId, resource) -> {
            if (!isCreated(logicalId, resource)) {
                return;
            }
            switch (String.valueOf(resource.get("Type"))) {
                case FUNCTION -> functions.put(logicalId, function(logicalId, properties(logicalId, "Function", resource)));
                case HTTP_API -> httpApis.put(logicalId, httpApi(logicalId, properties(logicalId, "HttpApi", resource)));
                case STATE_MACHINE -> stateMachines.put(logicalId,
                        stateMachine(logicalId, properties(logicalId, "StateMachine", resource)));
                default -> {
                    // Databases, clusters, queues, roles: the local runtime stands in for them.
                }
            }
        });
        addImplicitHttpApi(functions, httpApis);
        checkApiReferences(functions, httpApis);
        if (!problems.isEmpty()) {
            throw new TemplateException(file, problems);
        }
        return new SamTemplate(file, functions, httpApis, stateMachines);
    }

    private ServerlessFunction function(String logicalId, TemplateProperties properties) {
        Map<String, FunctionEvent> events = new LinkedHashMap<>();
        properties.entries("Events").forEach((name, event) -> events.put(name, event(name, event)));
        return new ServerlessFunction(
                logicalId,
                properties.text("FunctionName"),
                properties.requiredText("Handler"),
                codeUri(properties),
                properties.requiredText("Runtime"),
                properties.integer("MemorySize").orElse(ServerlessFunction.DEFAULT_MEMORY_SIZE_MB),
                properties.integer("Timeout").map(Duration::ofSeconds).orElse(ServerlessFunction.DEFAULT_TIMEOUT),
                properties.nestedOrEmpty("Environment").textMap("Variables"),
                events);
    }

    private FunctionEvent event(String name, TemplateProperties event) {
        String type = event.requiredText("Type");
        TemplateProperties properties = event.nestedOrEmpty("Properties");
        return switch (type) {
            case "HttpApi" -> httpApiEvent(name, properties);
            case "MSK" -> mskEvent(name, properties);
            case "Schedule" -> scheduleEvent(name, type, properties, "Schedule");
            case "ScheduleV2" -> scheduleEvent(name, type, properties, "ScheduleExpression");
            default -> new OtherEvent(name, type, properties.raw());
        };
    }

    private HttpApiEvent httpApiEvent(String name, TemplateProperties properties) {
        String path = properties.text("Path").orElse(HttpApiEvent.DEFAULT_ROUTE);
        if (!path.startsWith("/") && !path.equals(HttpApiEvent.DEFAULT_ROUTE)) {
            properties.problem("Path", "must start with / (or be " + HttpApiEvent.DEFAULT_ROUTE + "), found " + path);
        }
        String method = properties.text("Method").map(m -> m.toUpperCase(Locale.ROOT))
                .map(m -> m.equals(OPENAPI_ANY_METHOD) ? ANY_METHOD : m)
                .orElse(ANY_METHOD);
        TemplateProperties auth = properties.nestedOrEmpty("Auth");
        return new HttpApiEvent(
                name,
                apiReference(properties),
                method,
                path,
                auth.text("Authorizer"),
                auth.texts("AuthorizationScopes"),
                properties.text("PayloadFormatVersion").orElse("2.0"),
                properties.integer("TimeoutInMillis").map(Duration::ofMillis));
    }

    /** {@code ApiId} names the API resource: it is kept as a logical id, not resolved to a local value. */
    private String apiReference(TemplateProperties properties) {
        Object apiId = properties.raw().get("ApiId");
        if (apiId == null) {
            return HttpApiEvent.IMPLICIT_API;
        }
        if (apiId instanceof Intrinsic.Ref ref) {
            return ref.logicalName();
        }
        properties.problem("ApiId", "must be !Ref to an " + HTTP_API + " of this template, found " + apiId);
        return HttpApiEvent.IMPLICIT_API;
    }

    private MskEvent mskEvent(String name, TemplateProperties properties) {
        List<String> topics = properties.texts("Topics");
        if (topics.isEmpty()) {
            properties.problem("Topics", "at least one topic is required");
        }
        return new MskEvent(
                name,
                properties.requiredText("Stream"),
                topics,
                startingPosition(properties),
                properties.integer("StartingPositionTimestamp").map(Instant::ofEpochSecond),
                properties.integer("BatchSize").orElse(MskEvent.DEFAULT_BATCH_SIZE),
                properties.integer("MaximumBatchingWindowInSeconds").map(Duration::ofSeconds)
                        .orElse(MskEvent.DEFAULT_BATCHING_WINDOW),
                properties.text("ConsumerGroupId"),
                properties.bool("Enabled").orElse(true),
                properties.texts("FunctionResponseTypes"),
                properties.integer("MaximumRetryAttempts").orElse(MskEvent.UNLIMITED),
                properties.integer("MaximumRecordAgeInSeconds").orElse(MskEvent.UNLIMITED),
                properties.bool("BisectBatchOnFunctionError").orElse(false),
                properties.nestedOrEmpty("DestinationConfig").nested("OnFailure")
                        .map(onFailure -> new MskEvent.FailureDestination(
                                onFailure.text("Type"), onFailure.requiredText("Destination"))),
                properties.nestedOrEmpty("FilterCriteria").items("Filters").stream()
                        .map(filter -> filter.requiredText("Pattern"))
                        .toList());
    }

    /** {@code Schedule} names its expression {@code Schedule}, {@code ScheduleV2} {@code ScheduleExpression}. */
    private ScheduleEvent scheduleEvent(String name, String type, TemplateProperties properties, String expressionProperty) {
        String expression = properties.requiredText(expressionProperty);
        Duration rate = Duration.ofHours(1);
        if (!expression.isEmpty()) {
            switch (ScheduleEvent.parseRate(expression)) {
                case ScheduleEvent.Rate.Valid valid -> rate = valid.period();
                case ScheduleEvent.Rate.Invalid invalid -> properties.problem(expressionProperty, invalid.problem());
            }
        }
        boolean enabled = properties.bool("Enabled").orElse(true)
                && !properties.text("State").map("DISABLED"::equals).orElse(false);
        return new ScheduleEvent(name, type, expression, rate, enabled, properties.text("Input"));
    }

    private static MskEvent.StartingPosition startingPosition(TemplateProperties properties) {
        String position = properties.requiredText("StartingPosition");
        try {
            return MskEvent.StartingPosition.valueOf(position);
        } catch (IllegalArgumentException e) {
            if (!position.isEmpty()) {
                properties.problem("StartingPosition", "expected one of TRIM_HORIZON, LATEST, AT_TIMESTAMP, found "
                        + position);
            }
            return MskEvent.StartingPosition.LATEST;
        }
    }

    private HttpApi httpApi(String logicalId, TemplateProperties properties) {
        TemplateProperties auth = properties.nestedOrEmpty("Auth");
        Map<String, HttpApiAuthorizer> authorizers = new LinkedHashMap<>();
        auth.entries("Authorizers").forEach((name, authorizer) -> authorizers.put(name,
                authorizer.has("JwtConfiguration")
                        ? jwtAuthorizer(name, authorizer)
                        : new HttpApiAuthorizer.Other(name, authorizer.raw())));
        Optional<String> defaultAuthorizer = auth.text("DefaultAuthorizer");
        defaultAuthorizer.filter(name -> !authorizers.containsKey(name)).ifPresent(name -> auth.problem(
                "DefaultAuthorizer", name + " is not one of the API's authorizers " + authorizers.keySet()));
        return new HttpApi(logicalId, authorizers, defaultAuthorizer);
    }

    private static HttpApiAuthorizer.Jwt jwtAuthorizer(String name, TemplateProperties authorizer) {
        TemplateProperties jwt = authorizer.nestedOrEmpty("JwtConfiguration");
        // SAM spells these in lower case; AWS::ApiGatewayV2::Authorizer capitalises them. Both are seen in templates.
        String issuer = jwt.has("Issuer") ? "Issuer" : "issuer";
        String audience = jwt.has("Audience") ? "Audience" : "audience";
        List<String> audiences = jwt.texts(audience);
        if (audiences.isEmpty()) {
            jwt.problem(audience, "at least one audience is required");
        }
        return new HttpApiAuthorizer.Jwt(
                name,
                authorizer.text("IdentitySource").orElse(DEFAULT_IDENTITY_SOURCE),
                jwt.requiredText(issuer),
                audiences);
    }

    private StateMachine stateMachine(String logicalId, TemplateProperties properties) {
        Optional<Map<String, Object>> definition = properties.value("Definition").flatMap(value -> {
            if (value instanceof Map<?, ?>) {
                return Optional.of(mapping(value));
            }
            properties.problem("Definition", "expected a mapping, found " + value);
            return Optional.empty();
        });
        Optional<Path> definitionUri = localPath(properties, "DefinitionUri");
        if (definition.isEmpty() && definitionUri.isEmpty() && !properties.has("Definition")) {
            properties.problem("DefinitionUri", "is required when there is no Definition");
        }
        return new StateMachine(
                logicalId,
                properties.text("Name"),
                properties.text("Type").orElse("STANDARD"),
                definitionUri,
                definition,
                properties.textMap("DefinitionSubstitutions"));
    }

    private Path codeUri(TemplateProperties properties) {
        if (!properties.has("CodeUri")) {
            properties.problem("CodeUri", "is required (InlineCode and images cannot be hosted locally)");
        }
        return localPath(properties, "CodeUri").orElse(directory());
    }

    /** A file the template points at, resolved against its directory; S3 locations cannot be hosted locally. */
    private Optional<Path> localPath(TemplateProperties properties, String name) {
        if (properties.raw().get(name) instanceof Map<?, ?>) {
            properties.problem(name, "must be a path relative to the template; an S3 location cannot be used locally");
            return Optional.empty();
        }
        if (!properties.has(name)) {
            return Optional.empty();
        }
        return properties.text(name).map(path -> directory().resolve(path).normalize());
    }

    private void addImplicitHttpApi(Map<String, ServerlessFunction> functions, Map<String, HttpApi> httpApis) {
        boolean used = functions.values().stream().flatMap(function -> function.events(HttpApiEvent.class).stream())
                .anyMatch(event -> event.apiId().equals(HttpApiEvent.IMPLICIT_API));
        if (used && !httpApis.containsKey(HttpApiEvent.IMPLICIT_API)) {
            TemplateProperties globals = new TemplateProperties(globals("HttpApi"), "Globals.HttpApi", evaluator, problems);
            httpApis.put(HttpApiEvent.IMPLICIT_API, httpApi(HttpApiEvent.IMPLICIT_API, globals));
        }
    }

    private void checkApiReferences(Map<String, ServerlessFunction> functions, Map<String, HttpApi> httpApis) {
        functions.forEach((logicalId, function) -> function.events().forEach((name, event) -> {
            if (event instanceof HttpApiEvent route && !httpApis.containsKey(route.apiId())) {
                problems.add("Resources." + logicalId + ".Properties.Events." + name + ".Properties.ApiId: "
                        + route.apiId() + " is not an " + HTTP_API + " of this template");
            }
        }));
    }

    /** Whether CloudFormation would create the resource: its {@code Condition}, if any, holds. */
    private boolean isCreated(String logicalId, Map<String, Object> resource) {
        if (!(resource.get("Condition") instanceof String condition)) {
            return true;
        }
        try {
            return evaluator.evaluate(new Intrinsic.Condition(condition)).map(Boolean.TRUE::equals).orElse(true);
        } catch (UnresolvableValueException e) {
            problems.add("Resources." + logicalId + ".Condition: " + e.getMessage());
            return true;
        }
    }

    private TemplateProperties properties(String logicalId, String globalsSection, Map<String, Object> resource) {
        Map<String, Object> own = resource.get("Properties") instanceof Map<?, ?> ? mapping(resource.get("Properties"))
                : Map.of();
        return new TemplateProperties(SamGlobals.merge(globals(globalsSection), own),
                "Resources." + logicalId + ".Properties", evaluator, problems);
    }

    private Map<String, Object> globals(String section) {
        return document.get("Globals") instanceof Map<?, ?> globals && globals.get(section) instanceof Map<?, ?> values
                ? mapping(values)
                : Map.of();
    }

    private Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        if (!(document.get("Resources") instanceof Map<?, ?> section)) {
            problems.add("Resources: is required");
            return resources;
        }
        section.forEach((logicalId, resource) -> {
            if (resource instanceof Map<?, ?>) {
                resources.put((String) logicalId, mapping(resource));
            } else {
                problems.add("Resources." + logicalId + ": expected a mapping, found " + resource);
            }
        });
        return resources;
    }

    private Path directory() {
        return file.getParent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value) {
        return (Map<String, Object>) value;
    }
}
