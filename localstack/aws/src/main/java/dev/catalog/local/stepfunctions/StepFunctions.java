package dev.catalog.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.lambda.LambdaInvoker;
import dev.catalog.local.stepfunctions.asl.DefinitionParser;
import dev.catalog.local.stepfunctions.asl.DefinitionSubstitutions;
import dev.catalog.local.stepfunctions.asl.InvalidDefinitionException;
import dev.catalog.local.stepfunctions.asl.StateMachineDefinition;
import dev.catalog.local.stepfunctions.execution.EngineServices;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionAlreadyExistsException;
import dev.catalog.local.stepfunctions.execution.Executions;
import dev.catalog.local.stepfunctions.execution.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The local Step Functions service: state machines (STANDARD, JSONPath) and their executions, with the semantics and
 * error codes of the AWS API. Executions and their histories live under the data directory and survive a restart;
 * state machines are registered by whoever embeds the service (the template's machines) or through CreateStateMachine,
 * and are kept in memory only.
 */
public final class StepFunctions implements AutoCloseable {

    private static final int MAX_NAME_LENGTH = 80;
    private static final int MAX_INPUT_BYTES = 256 * 1024;
    /** Step Functions' forbidden name characters: whitespace, brackets, wildcards, and {@code " # % \ ^ | ~ ` $ & , ; : /}. */
    private static final Pattern INVALID_NAME = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

    /**
     * @param sleeper how Wait states, retry intervals and timeouts wait ({@link Sleeper#REAL} outside tests)
     */
    public record Settings(String region, String accountId, Path dataDirectory, LambdaInvoker lambda, Clock clock,
                           Sleeper sleeper, RandomGenerator random) {
        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(lambda, "lambda");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(random, "random");
        }

        public static Settings of(String region, String accountId, Path dataDirectory, LambdaInvoker lambda) {
            return new Settings(region, accountId, dataDirectory, lambda, Clock.systemUTC(), Sleeper.REAL,
                    RandomGenerator.getDefault());
        }

        public Settings withSleeper(Sleeper replacement) {
            return new Settings(region, accountId, dataDirectory, lambda, clock, replacement, random);
        }
    }

    private final Settings settings;
    private final Arns arns;
    private final Map<String, StateMachine> stateMachines = new ConcurrentHashMap<>();
    private final Executions executions;

    public StepFunctions(Settings settings) {
        this.settings = settings;
        this.arns = new Arns(settings.region(), settings.accountId());
        this.executions = new Executions(settings.dataDirectory(), new EngineServices(settings.lambda(), settings.clock(),
                settings.sleeper(), settings.random(), settings.region()));
    }

    /**
     * Registers a state machine from its ASL file, after {@code DefinitionSubstitutions}. Throws
     * {@link InvalidDefinitionException} naming every problem when the definition cannot run here.
     */
    public StateMachine register(StateMachineSource source) {
        String definition;
        try {
            definition = Files.readString(source.definitionFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the definition of state machine " + source.name() + " from "
                    + source.definitionFile(), e);
        }
        return create(source.name(), DefinitionSubstitutions.apply(definition, source.substitutions()), source.roleArn());
    }

    /** CreateStateMachine: creating the same machine again returns it; another definition under its name is refused. */
    public synchronized StateMachine createStateMachine(String name, String definition, String roleArn) {
        checkName(name);
        if (definition == null || roleArn == null) {
            throw new StepFunctionsException(StepFunctionsException.Code.VALIDATION,
                    "CreateStateMachine needs a definition and a roleArn");
        }
        try {
            return create(name, definition, roleArn);
        } catch (InvalidDefinitionException e) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_DEFINITION, e.getMessage());
        }
    }

    private synchronized StateMachine create(String name, String definitionText, String roleArn) {
        StateMachineDefinition definition = DefinitionParser.parse(definitionText);
        String arn = arns.stateMachine(name);
        StateMachine existing = stateMachines.get(arn);
        if (existing != null) {
            if (existing.definition().json().equals(definitionText) && existing.roleArn().equals(roleArn)) {
                return existing;
            }
            throw new StepFunctionsException(StepFunctionsException.Code.STATE_MACHINE_ALREADY_EXISTS,
                    "State Machine Already Exists: '" + arn + "'");
        }
        StateMachine stateMachine = new StateMachine(arn, name, roleArn, definition, settings.clock().instant());
        stateMachines.put(arn, stateMachine);
        return stateMachine;
    }

    public List<StateMachine> listStateMachines() {
        return stateMachines.values().stream().sorted(Comparator.comparing(StateMachine::name)).toList();
    }

    public StateMachine describeStateMachine(String stateMachineArn) {
        Arns.check(stateMachineArn, "stateMachine");
        StateMachine stateMachine = stateMachines.get(stateMachineArn);
        if (stateMachine == null) {
            throw new StepFunctionsException(StepFunctionsException.Code.STATE_MACHINE_DOES_NOT_EXIST,
                    "State Machine Does Not Exist: '" + stateMachineArn + "'");
        }
        return stateMachine;
    }

    /**
     * @param name  the execution name, or {@code null} for a generated one
     * @param input JSON, or {@code null} for {@code {}}
     */
    public Execution startExecution(String stateMachineArn, String name, String input) {
        StateMachine stateMachine = describeStateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        checkName(executionName);
        String executionInput = input == null ? "{}" : input;
        checkInput(executionInput);
        try {
            return executions.start(stateMachine, arns.execution(stateMachine.name(), executionName), executionName,
                    executionInput);
        } catch (ExecutionAlreadyExistsException e) {
            throw new StepFunctionsException(StepFunctionsException.Code.EXECUTION_ALREADY_EXISTS, e.getMessage());
        }
    }

    public Execution describeExecution(String executionArn) {
        Arns.check(executionArn, "execution");
        return executions.describe(executionArn).orElseThrow(() -> executionDoesNotExist(executionArn));
    }

    public List<Execution> listExecutions(String stateMachineArn) {
        return executions.list(describeStateMachine(stateMachineArn).arn());
    }

    public Execution stopExecution(String executionArn, String error, String cause) {
        Arns.check(executionArn, "execution");
        return executions.stop(executionArn, error, cause).orElseThrow(() -> executionDoesNotExist(executionArn));
    }

    /** The recorded history events, oldest first, in the shape GetExecutionHistory returns them. */
    public List<JsonNode> executionHistory(String executionArn) {
        Arns.check(executionArn, "execution");
        return executions.history(executionArn).orElseThrow(() -> executionDoesNotExist(executionArn));
    }

    private static StepFunctionsException executionDoesNotExist(String executionArn) {
        return new StepFunctionsException(StepFunctionsException.Code.EXECUTION_DOES_NOT_EXIST,
                "Execution Does Not Exist: '" + executionArn + "'");
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || INVALID_NAME.matcher(name).find()) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_NAME, "Invalid Name: '" + name + "'");
        }
    }

    private static void checkInput(String input) {
        if (input.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_EXECUTION_INPUT,
                    "Invalid State Machine Execution Input: 'the input is larger than 256 KiB'");
        }
        try {
            Json.parse(input);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_EXECUTION_INPUT,
                    "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
    }

    /** Aborts the executions still running (see {@link Executions#close()}). */
    @Override
    public void close() {
        executions.close();
    }
}
