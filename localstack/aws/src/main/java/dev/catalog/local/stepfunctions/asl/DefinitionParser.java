package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.lambda.FunctionReference;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.intrinsics.IntrinsicParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an ASL definition (JSONPath query language) into the model, validating it the way CreateStateMachine does:
 * structure, field types, transition targets, reachability. Everything this engine does not implement is refused
 * here, naming the state and field, so that nothing in a definition is silently ignored at run time.
 */
public final class DefinitionParser {

    private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED: ";
    private static final String UNSUPPORTED = "UNSUPPORTED_BY_LOCAL_ENGINE: ";
    private static final int MAX_STATE_NAME_LENGTH = 80;
    private static final Pattern LAMBDA_FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]+(:[a-zA-Z0-9-_$]+)?");

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
            "QueryLanguage");
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> TRANSITION = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath");
    private static final Set<String> ERRORS = Set.of("Retry", "Catch");
    private static final Map<String, Set<String>> FIELDS_BY_TYPE = Map.of(
            "Pass", union(COMMON, TRANSITION, IO, RESULT, Set.of("Parameters", "Result")),
            "Task", union(COMMON, TRANSITION, IO, RESULT, ERRORS, Set.of("Resource", "Parameters", "ResultSelector",
                    "TimeoutSeconds", "TimeoutSecondsPath")),
            "Choice", union(COMMON, IO, Set.of("Choices", "Default")),
            "Wait", union(COMMON, TRANSITION, IO, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")),
            "Succeed", union(COMMON, IO),
            "Fail", union(COMMON, Set.of("Error", "ErrorPath", "Cause", "CausePath")));
    /** ASL state types this engine refuses: no state machine of this project uses them, so none is emulated. */
    private static final Set<String> UNSUPPORTED_TYPES = Set.of("Parallel", "Map");

    /** Fields of AWS's ASL that this engine knows and refuses, with the reason given to the author. */
    private static final Map<String, String> REFUSED_FIELDS = Map.ofEntries(
            Map.entry("Assign", "workflow variables (Assign) are not supported"),
            Map.entry("Arguments", "'Arguments' belongs to the JSONata query language, which is not supported"),
            Map.entry("Output", "'Output' belongs to the JSONata query language, which is not supported"),
            Map.entry("Credentials", "cross-account task credentials are not supported"),
            Map.entry("HeartbeatSeconds", "heartbeats only apply to activities and callback tasks, which are not supported"),
            Map.entry("HeartbeatSecondsPath",
                    "heartbeats only apply to activities and callback tasks, which are not supported"));

    private static final Set<String> LAMBDA_INVOKE_PARAMETERS = Set.of("FunctionName", "Payload", "Qualifier");

    private final List<String> problems = new ArrayList<>();

    private DefinitionParser() {
    }

    /** Parses and validates; throws {@link InvalidDefinitionException} listing every problem found. */
    public static StateMachineDefinition parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(List.of("INVALID_JSON_DESCRIPTION: " + e.getMessage()));
        }
        DefinitionParser parser = new DefinitionParser();
        StateMachineDefinition definition = parser.machine(root, json);
        if (!parser.problems.isEmpty()) {
            throw new InvalidDefinitionException(parser.problems);
        }
        return definition;
    }

    private StateMachineDefinition machine(JsonNode root, String json) {
        if (!root.isObject()) {
            problems.add(SCHEMA + "The definition must be a JSON object at /");
            return null;
        }
        if (root.has("QueryLanguage") && !refuseJsonata(root.get("QueryLanguage"), "")) {
            return null;
        }
        checkFields(root, TOP_LEVEL_FIELDS, Map.of(), "", "the top level of a state machine");
        Optional<Integer> timeout = optionalInteger(root, "TimeoutSeconds", "", 1);
        optionalString(root, "Version", "");
        StateGraph graph = graph(root, "");
        return new StateMachineDefinition(json, graph, timeout);
    }

    /** Returns true when the query language is JSONPath; records a problem (and returns false) for anything else. */
    private boolean refuseJsonata(JsonNode language, String location) {
        if (language.isTextual() && language.textValue().equals("JSONPath")) {
            return true;
        }
        if (language.isTextual() && language.textValue().equals("JSONata")) {
            problems.add(UNSUPPORTED + "QueryLanguage 'JSONata' is not supported by the local Step Functions engine: "
                    + "write the state machine in JSONPath (the default) at " + location + "/QueryLanguage");
        } else {
            problems.add(SCHEMA + "QueryLanguage must be 'JSONPath' or 'JSONata' at " + location + "/QueryLanguage");
        }
        return false;
    }

    private StateGraph graph(JsonNode node, String location) {
        String startAt = requiredString(node, "StartAt", location);
        JsonNode statesNode = node.get("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            problems.add(SCHEMA + "'States' must be an object with at least one state at " + location + "/States");
            return new StateGraph(startAt == null ? "" : startAt, states);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String stateLocation = location + "/States/" + entry.getKey();
            if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_STATE_NAME_LENGTH) {
                problems.add(SCHEMA + "A state name must have 1 to " + MAX_STATE_NAME_LENGTH + " characters at "
                        + stateLocation);
            }
            State state = state(entry.getKey(), entry.getValue(), stateLocation);
            if (state != null) {
                states.put(entry.getKey(), state);
            }
        }
        if (startAt != null && !statesNode.has(startAt)) {
            problems.add("MISSING_TRANSITION_TARGET: StartAt '" + startAt + "' is not a state of this graph at "
                    + location + "/StartAt");
        }
        if (startAt != null && states.size() == statesNode.size()) {
            checkTransitions(startAt, states, location);
        }
        return new StateGraph(startAt == null ? "" : startAt, states);
    }

    private void checkTransitions(String startAt, Map<String, State> states, String location) {
        for (State state : states.values()) {
            for (String target : targets(state)) {
                if (!states.containsKey(target)) {
                    problems.add("MISSING_TRANSITION_TARGET: State '" + state.name() + "' goes to '" + target
                            + "', which is not a state of this graph at " + location + "/States/" + state.name());
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(startAt));
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (states.containsKey(name) && reached.add(name)) {
                toVisit.addAll(targets(states.get(name)));
            }
        }
        states.keySet().stream().filter(name -> !reached.contains(name)).forEach(name -> problems.add(
                "UNREACHABLE_STATE: State '" + name + "' is not reachable at " + location + "/States/" + name));
        if (states.values().stream().noneMatch(DefinitionParser::isTerminal)) {
            problems.add("MISSING_TERMINAL_STATE: No state ends this graph (End: true, Succeed or Fail) at "
                    + (location.isEmpty() ? "/" : location));
        }
    }

    private static boolean isTerminal(State state) {
        return switch (state) {
            case State.Succeed succeed -> true;
            case State.Fail fail -> true;
            case State.Choice choice -> false;
            case State.Pass pass -> pass.transition() instanceof Transition.End;
            case State.Task task -> task.transition() instanceof Transition.End;
            case State.Wait wait -> wait.transition() instanceof Transition.End;
        };
    }

    private static List<String> targets(State state) {
        List<String> targets = new ArrayList<>();
        switch (state) {
            case State.Pass pass -> addNext(targets, pass.transition());
            case State.Task task -> {
                addNext(targets, task.transition());
                task.errorHandling().catchers().forEach(c -> targets.add(c.next()));
            }
            case State.Choice choice -> {
                choice.choices().forEach(branch -> targets.add(branch.next()));
                choice.defaultState().ifPresent(targets::add);
            }
            case State.Wait wait -> addNext(targets, wait.transition());
            case State.Succeed succeed -> {
            }
            case State.Fail fail -> {
            }
        }
        return targets;
    }

    private static void addNext(List<String> targets, Transition transition) {
        if (transition instanceof Transition.Next next) {
            targets.add(next.state());
        }
    }

    private State state(String name, JsonNode node, String location) {
        if (!node.isObject()) {
            problems.add(SCHEMA + "A state must be a JSON object at " + location);
            return null;
        }
        String type = requiredString(node, "Type", location);
        if (type == null) {
            return null;
        }
        if (UNSUPPORTED_TYPES.contains(type)) {
            problems.add(UNSUPPORTED + "'" + type + "' states are not run by the local engine (no state machine of this "
                    + "project uses them) at " + location + "/Type");
            return null;
        }
        Set<String> allowed = FIELDS_BY_TYPE.get(type);
        if (allowed == null) {
            problems.add(SCHEMA + "'" + type + "' is not a state type (Task, Pass, Choice, Wait, Succeed, Fail, Parallel, "
                    + "Map) at " + location + "/Type");
            return null;
        }
        if (node.has("QueryLanguage") && !refuseJsonata(node.get("QueryLanguage"), location)) {
            return null;
        }
        checkFields(node, allowed, REFUSED_FIELDS, location, "a " + type + " state");
        return switch (type) {
            case "Pass" -> new State.Pass(name, transition(node, location), dataFlow(node, location),
                    Optional.ofNullable(node.get("Result")));
            case "Task" -> task(name, node, location);
            case "Choice" -> choice(name, node, location);
            case "Wait" -> new State.Wait(name, transition(node, location), waitDuration(node, location),
                    dataFlow(node, location));
            case "Succeed" -> new State.Succeed(name, dataFlow(node, location));
            case "Fail" -> new State.Fail(name, exclusiveValue(node, "Error", "ErrorPath", location),
                    exclusiveValue(node, "Cause", "CausePath", location));
            default -> throw new IllegalStateException(type);
        };
    }

    private State.Task task(String name, JsonNode node, String location) {
        String resourceArn = requiredString(node, "Resource", location);
        TaskResource resource = resourceArn == null ? null : resource(resourceArn, node, location + "/Resource");
        Optional<ValueExpression> timeout = exclusiveValue(node, "TimeoutSeconds", "TimeoutSecondsPath", location);
        timeout.ifPresent(value -> checkPositiveIntegerLiteral(value, location + "/TimeoutSeconds"));
        return new State.Task(name, transition(node, location), dataFlow(node, location), resource, timeout,
                errorHandling(node, location));
    }

    private TaskResource resource(String arn, JsonNode node, String location) {
        if (LAMBDA_FUNCTION_ARN.matcher(arn).matches()) {
            return new TaskResource.LambdaFunction(arn, FunctionReference.parse(arn));
        }
        if (arn.equals(TaskResource.LambdaInvoke.ARN)) {
            checkLambdaInvokeParameters(node.get("Parameters"), location.replace("/Resource", "/Parameters"));
            return new TaskResource.LambdaInvoke(arn);
        }
        String reason;
        if (arn.endsWith(".waitForTaskToken")) {
            reason = "callback tasks (.waitForTaskToken) are not supported";
        } else if (arn.endsWith(".sync") || arn.contains(".sync:")) {
            reason = "run-a-job integrations (.sync) are not supported";
        } else if (arn.contains(":activity:")) {
            reason = "activities are not supported";
        } else if (arn.startsWith("arn:aws:states:::aws-sdk:")) {
            reason = "AWS SDK service integrations are not supported";
        } else if (arn.startsWith("arn:aws:states:::")) {
            reason = "the service integration '" + arn.substring("arn:aws:states:::".length()) + "' is not supported";
        } else {
            reason = "it is neither a Lambda function ARN nor a Step Functions service integration";
        }
        problems.add(UNSUPPORTED + "Resource '" + arn + "' cannot run locally: " + reason + "; the local engine runs "
                + "Lambda functions (arn:aws:lambda:<region>:<account>:function:<name>[:<alias>]) and "
                + TaskResource.LambdaInvoke.ARN + " at " + location);
        return null;
    }

    private void checkLambdaInvokeParameters(JsonNode parameters, String location) {
        if (parameters == null || !parameters.isObject()) {
            problems.add(SCHEMA + "The lambda:invoke integration needs Parameters with FunctionName at " + location);
            return;
        }
        if (!parameters.has("FunctionName") && !parameters.has("FunctionName.$")) {
            problems.add(SCHEMA + "The lambda:invoke integration needs Parameters.FunctionName at " + location);
        }
        parameters.fieldNames().forEachRemaining(field -> {
            String parameter = field.endsWith(".$") ? field.substring(0, field.length() - 2) : field;
            if (!LAMBDA_INVOKE_PARAMETERS.contains(parameter)) {
                problems.add(UNSUPPORTED + "Parameter '" + field + "' of lambda:invoke is not supported locally "
                        + "(supported: " + LAMBDA_INVOKE_PARAMETERS.stream().sorted().toList() + ") at " + location
                        + "/" + field);
            }
        });
    }

    private State.Choice choice(String name, JsonNode node, String location) {
        JsonNode choicesNode = node.get("Choices");
        List<State.ChoiceBranch> branches = new ArrayList<>();
        if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
            problems.add(SCHEMA + "A Choice state needs a non-empty 'Choices' array at " + location + "/Choices");
        } else {
            for (int i = 0; i < choicesNode.size(); i++) {
                String ruleLocation = location + "/Choices/" + i;
                ChoiceRule rule = choiceRule(choicesNode.get(i), ruleLocation, true);
                String next = requiredString(choicesNode.get(i), "Next", ruleLocation);
                if (rule != null && next != null) {
                    branches.add(new State.ChoiceBranch(rule, next));
                }
            }
        }
        return new State.Choice(name, branches, Optional.ofNullable(optionalString(node, "Default", location)),
                dataFlow(node, location));
    }

    private ChoiceRule choiceRule(JsonNode node, String location, boolean topLevel) {
        if (node == null || !node.isObject()) {
            problems.add(SCHEMA + "A Choice rule must be a JSON object at " + location);
            return null;
        }
        if (node.has("Condition")) {
            problems.add(UNSUPPORTED + "'Condition' belongs to the JSONata query language, which is not supported at "
                    + location + "/Condition");
            return null;
        }
        if (!topLevel && node.has("Next")) {
            problems.add(SCHEMA + "Only top-level Choice rules may have 'Next' at " + location + "/Next");
        }
        Set<String> ruleFields = new HashSet<>();
        node.fieldNames().forEachRemaining(ruleFields::add);
        ruleFields.removeAll(Set.of("Next", "Comment"));
        if (ruleFields.contains("And") || ruleFields.contains("Or")) {
            String operator = ruleFields.contains("And") ? "And" : "Or";
            if (ruleFields.size() != 1) {
                problems.add(SCHEMA + "A rule with '" + operator + "' can have no other condition at " + location);
                return null;
            }
            JsonNode rules = node.get(operator);
            if (!rules.isArray() || rules.isEmpty()) {
                problems.add(SCHEMA + "'" + operator + "' needs a non-empty array of rules at " + location + "/" + operator);
                return null;
            }
            List<ChoiceRule> nested = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                ChoiceRule rule = choiceRule(rules.get(i), location + "/" + operator + "/" + i, false);
                if (rule != null) {
                    nested.add(rule);
                }
            }
            return operator.equals("And") ? new ChoiceRule.And(nested) : new ChoiceRule.Or(nested);
        }
        if (ruleFields.contains("Not")) {
            if (ruleFields.size() != 1) {
                problems.add(SCHEMA + "A rule with 'Not' can have no other condition at " + location);
                return null;
            }
            ChoiceRule rule = choiceRule(node.get("Not"), location + "/Not", false);
            return rule == null ? null : new ChoiceRule.Not(rule);
        }
        return comparison(node, ruleFields, location);
    }

    private ChoiceRule comparison(JsonNode node, Set<String> ruleFields, String location) {
        String variable = requiredString(node, "Variable", location);
        ruleFields.remove("Variable");
        if (ruleFields.size() != 1) {
            problems.add(SCHEMA + "A Choice rule needs exactly one comparison operator besides 'Variable' (found "
                    + ruleFields.stream().sorted().toList() + ") at " + location);
            return null;
        }
        String operatorField = ruleFields.iterator().next();
        boolean pathVariant = operatorField.endsWith("Path");
        Optional<ComparisonOperator> operator = ComparisonOperator.named(pathVariant
                ? operatorField.substring(0, operatorField.length() - "Path".length()) : operatorField)
                .filter(c -> !pathVariant || c.hasPathVariant());
        if (operator.isEmpty()) {
            problems.add(SCHEMA + "'" + operatorField + "' is not a Choice rule operator at " + location + "/" + operatorField);
            return null;
        }
        JsonPathExpression variablePath = variable == null ? null : path(variable, location + "/Variable");
        JsonNode operandNode = node.get(operatorField);
        ChoiceRule.Operand operand;
        if (pathVariant) {
            JsonPathExpression operandPath = operandNode.isTextual() ? path(operandNode.textValue(),
                    location + "/" + operatorField) : null;
            if (!operandNode.isTextual()) {
                problems.add(SCHEMA + "'" + operatorField + "' must be a Path string at " + location + "/" + operatorField);
            }
            operand = operandPath == null ? null : new ChoiceRule.Operand.FromPath(operandPath);
        } else if (operator.get().acceptsLiteral(operandNode)) {
            operand = new ChoiceRule.Operand.Literal(operandNode);
        } else {
            problems.add(SCHEMA + "'" + operatorField + "' does not accept the value " + Json.text(operandNode) + " at "
                    + location + "/" + operatorField);
            operand = null;
        }
        return variablePath == null || operand == null ? null
                : new ChoiceRule.Comparison(variablePath, operator.get(), operand);
    }

    private WaitDuration waitDuration(JsonNode node, String location) {
        List<String> given = new ArrayList<>();
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (node.has(field)) {
                given.add(field);
            }
        }
        if (given.size() != 1) {
            problems.add(SCHEMA + "A Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath (found "
                    + given + ") at " + location);
            return null;
        }
        String field = given.getFirst();
        JsonNode value = node.get(field);
        String fieldLocation = location + "/" + field;
        return switch (field) {
            case "Seconds" -> {
                checkInteger(value, fieldLocation, 0);
                yield new WaitDuration.Seconds(new ValueExpression.Literal(value));
            }
            case "Timestamp" -> {
                if (ComparisonOperator.parseTimestamp(value).isEmpty()) {
                    problems.add(SCHEMA + "'Timestamp' must be an RFC 3339 timestamp such as 2026-01-01T00:00:00Z at "
                            + fieldLocation);
                }
                yield new WaitDuration.Until(new ValueExpression.Literal(value));
            }
            case "SecondsPath" -> new WaitDuration.Seconds(pathValue(value, fieldLocation));
            default -> new WaitDuration.Until(pathValue(value, fieldLocation));
        };
    }

    private Transition transition(JsonNode node, String location) {
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        if (next != null && end != null) {
            problems.add(SCHEMA + "A state cannot have both 'Next' and 'End' at " + location);
        } else if (next != null) {
            if (next.isTextual()) {
                return new Transition.Next(next.textValue());
            }
            problems.add(SCHEMA + "'Next' must be a state name at " + location + "/Next");
        } else if (end != null) {
            if (end.isBoolean() && end.booleanValue()) {
                return new Transition.End();
            }
            problems.add(SCHEMA + "'End' must be true at " + location + "/End");
        } else {
            problems.add(SCHEMA + "This state needs 'Next' or 'End': true at " + location);
        }
        return new Transition.End();
    }

    private DataFlow dataFlow(JsonNode node, String location) {
        return new DataFlow(
                nullablePath(node, "InputPath", location),
                template(node.get("Parameters"), location + "/Parameters"),
                template(node.get("ResultSelector"), location + "/ResultSelector"),
                node.has("ResultPath") ? nullableReferencePath(node.get("ResultPath"), location + "/ResultPath")
                        : Optional.of(ReferencePath.ROOT),
                nullablePath(node, "OutputPath", location));
    }

    private ErrorHandling errorHandling(JsonNode node, String location) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = node.get("Retry");
        if (retry != null) {
            if (!retry.isArray()) {
                problems.add(SCHEMA + "'Retry' must be an array at " + location + "/Retry");
            } else {
                for (int i = 0; i < retry.size(); i++) {
                    Retrier retrier = retrier(retry.get(i), location + "/Retry/" + i, i == retry.size() - 1);
                    if (retrier != null) {
                        retriers.add(retrier);
                    }
                }
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = node.get("Catch");
        if (catchNode != null) {
            if (!catchNode.isArray()) {
                problems.add(SCHEMA + "'Catch' must be an array at " + location + "/Catch");
            } else {
                for (int i = 0; i < catchNode.size(); i++) {
                    Catcher catcher = catcher(catchNode.get(i), location + "/Catch/" + i, i == catchNode.size() - 1);
                    if (catcher != null) {
                        catchers.add(catcher);
                    }
                }
            }
        }
        return new ErrorHandling(retriers, catchers);
    }

    private Retrier retrier(JsonNode node, String location, boolean last) {
        if (!node.isObject()) {
            problems.add(SCHEMA + "A Retrier must be an object at " + location);
            return null;
        }
        checkFields(node, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                "JitterStrategy", "Comment"), Map.of(), location, "a Retrier");
        List<String> errorEquals = errorEquals(node, location, last);
        int interval = optionalInteger(node, "IntervalSeconds", location, 1).orElse(Retrier.DEFAULT_INTERVAL_SECONDS);
        int maxAttempts = optionalInteger(node, "MaxAttempts", location, 0).orElse(Retrier.DEFAULT_MAX_ATTEMPTS);
        double backoffRate = Retrier.DEFAULT_BACKOFF_RATE;
        if (node.has("BackoffRate")) {
            JsonNode rate = node.get("BackoffRate");
            if (rate.isNumber() && rate.doubleValue() >= 1.0) {
                backoffRate = rate.doubleValue();
            } else {
                problems.add(SCHEMA + "'BackoffRate' must be a number >= 1.0 at " + location + "/BackoffRate");
            }
        }
        Optional<Integer> maxDelay = optionalInteger(node, "MaxDelaySeconds", location, 1);
        JitterStrategy jitter = JitterStrategy.NONE;
        if (node.has("JitterStrategy")) {
            String value = node.get("JitterStrategy").asText();
            try {
                jitter = JitterStrategy.valueOf(value);
            } catch (IllegalArgumentException e) {
                problems.add(SCHEMA + "'JitterStrategy' must be FULL or NONE at " + location + "/JitterStrategy");
            }
        }
        return new Retrier(errorEquals, interval, maxAttempts, backoffRate, maxDelay, jitter);
    }

    private Catcher catcher(JsonNode node, String location, boolean last) {
        if (!node.isObject()) {
            problems.add(SCHEMA + "A Catcher must be an object at " + location);
            return null;
        }
        checkFields(node, Set.of("ErrorEquals", "Next", "ResultPath", "Comment"), REFUSED_FIELDS, location, "a Catcher");
        List<String> errorEquals = errorEquals(node, location, last);
        String next = requiredString(node, "Next", location);
        Optional<ReferencePath> resultPath = node.has("ResultPath")
                ? nullableReferencePath(node.get("ResultPath"), location + "/ResultPath") : Optional.of(ReferencePath.ROOT);
        return next == null ? null : new Catcher(errorEquals, next, resultPath);
    }

    private List<String> errorEquals(JsonNode node, String location, boolean last) {
        JsonNode errors = node.get("ErrorEquals");
        List<String> names = new ArrayList<>();
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            problems.add(SCHEMA + "'ErrorEquals' must be a non-empty array of error names at " + location + "/ErrorEquals");
            return names;
        }
        errors.forEach(error -> {
            if (error.isTextual()) {
                names.add(error.textValue());
            } else {
                problems.add(SCHEMA + "'ErrorEquals' must contain error names at " + location + "/ErrorEquals");
            }
        });
        if (names.contains("States.ALL") && (names.size() > 1 || !last)) {
            problems.add(SCHEMA + "'States.ALL' must appear alone, in the last Retrier or Catcher at " + location
                    + "/ErrorEquals");
        }
        return names;
    }

    /** One of two exclusive fields: a literal ({@code Error}) or a Path/intrinsic ({@code ErrorPath}). */
    private Optional<ValueExpression> exclusiveValue(JsonNode node, String literalField, String pathField, String location) {
        if (node.has(literalField) && node.has(pathField)) {
            problems.add(SCHEMA + "'" + literalField + "' and '" + pathField + "' are mutually exclusive at " + location);
            return Optional.empty();
        }
        if (node.has(literalField)) {
            return Optional.of(new ValueExpression.Literal(node.get(literalField)));
        }
        if (node.has(pathField)) {
            return Optional.ofNullable(pathValue(node.get(pathField), location + "/" + pathField));
        }
        return Optional.empty();
    }

    private void checkPositiveIntegerLiteral(ValueExpression value, String location) {
        if (value instanceof ValueExpression.Literal literal) {
            checkInteger(literal.value(), location, 1);
        }
    }

    private ValueExpression pathValue(JsonNode value, String location) {
        if (!value.isTextual()) {
            problems.add(SCHEMA + "The value must be a Path or an intrinsic function call at " + location);
            return null;
        }
        return valueExpression(value.textValue(), location);
    }

    private ValueExpression valueExpression(String text, String location) {
        try {
            if (IntrinsicParser.looksLikeCall(text)) {
                return new ValueExpression.IntrinsicValue(IntrinsicParser.parse(text));
            }
            return new ValueExpression.PathValue(JsonPathExpression.compile(text));
        } catch (IllegalArgumentException e) {
            problems.add(SCHEMA + e.getMessage() + " at " + location);
            return null;
        }
    }

    private Optional<PayloadTemplate> template(JsonNode node, String location) {
        if (node == null) {
            return Optional.empty();
        }
        PayloadTemplate.Node root = templateNode(node, location, null);
        return root == null ? Optional.empty() : Optional.of(new PayloadTemplate(root));
    }

    private PayloadTemplate.Node templateNode(JsonNode node, String location, String definitionKey) {
        if (node.isObject()) {
            List<PayloadTemplate.Field> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                String fieldLocation = location + "/" + key;
                if (key.endsWith(".$")) {
                    ValueExpression value = entry.getValue().isTextual()
                            ? valueExpression(entry.getValue().textValue(), fieldLocation) : null;
                    if (!entry.getValue().isTextual()) {
                        problems.add(SCHEMA + "The value of '" + key + "' must be a Path or an intrinsic function call at "
                                + fieldLocation);
                    }
                    if (value != null) {
                        fields.add(new PayloadTemplate.Field(key.substring(0, key.length() - 2),
                                new PayloadTemplate.ValueNodeTemplate(value, key)));
                    }
                } else {
                    PayloadTemplate.Node value = templateNode(entry.getValue(), fieldLocation, key);
                    if (value != null) {
                        fields.add(new PayloadTemplate.Field(key, value));
                    }
                }
            }
            return new PayloadTemplate.ObjectNodeTemplate(fields);
        }
        if (node.isArray()) {
            List<PayloadTemplate.Node> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(templateNode(node.get(i), location + "/" + i, definitionKey));
            }
            return new PayloadTemplate.ArrayNodeTemplate(items);
        }
        return new PayloadTemplate.ValueNodeTemplate(new ValueExpression.Literal(node), definitionKey);
    }

    private Optional<JsonPathExpression> nullablePath(JsonNode node, String field, String location) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.of(JsonPathExpression.WHOLE_INPUT);
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(SCHEMA + "'" + field + "' must be a Path or null at " + location + "/" + field);
            return Optional.of(JsonPathExpression.WHOLE_INPUT);
        }
        JsonPathExpression path = path(value.textValue(), location + "/" + field);
        return Optional.of(path == null ? JsonPathExpression.WHOLE_INPUT : path);
    }

    private JsonPathExpression path(String text, String location) {
        try {
            return JsonPathExpression.compile(text);
        } catch (IllegalArgumentException e) {
            problems.add(SCHEMA + e.getMessage() + " at " + location);
            return null;
        }
    }

    private Optional<ReferencePath> nullableReferencePath(JsonNode value, String location) {
        if (value.isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(referencePath(value, location));
    }

    private ReferencePath referencePath(JsonNode value, String location) {
        if (!value.isTextual()) {
            problems.add(SCHEMA + "The value must be a Reference Path at " + location);
            return ReferencePath.ROOT;
        }
        try {
            return ReferencePath.parse(value.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(SCHEMA + e.getMessage() + " at " + location);
            return ReferencePath.ROOT;
        }
    }

    private String requiredString(JsonNode node, String field, String location) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            problems.add(SCHEMA + "'" + field + "' is required and must be a non-empty string at " + location + "/" + field);
            return null;
        }
        return value.textValue();
    }

    private String optionalString(JsonNode node, String field, String location) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(SCHEMA + "'" + field + "' must be a string at " + location + "/" + field);
            return null;
        }
        return value.textValue();
    }

    private Optional<Integer> optionalInteger(JsonNode node, String field, String location, int minimum) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        return checkInteger(value, location + "/" + field, minimum) ? Optional.of(value.intValue()) : Optional.empty();
    }

    private boolean checkInteger(JsonNode value, String location, int minimum) {
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= minimum) {
            return true;
        }
        problems.add(SCHEMA + "The value must be an integer >= " + minimum + " at " + location);
        return false;
    }

    private void checkFields(JsonNode node, Set<String> allowed, Map<String, String> refused, String location,
                             String where) {
        node.fieldNames().forEachRemaining(field -> {
            if (allowed.contains(field)) {
                return;
            }
            String reason = refused.get(field);
            if (reason != null) {
                problems.add(UNSUPPORTED + reason + " at " + location + "/" + field);
            } else {
                problems.add(SCHEMA + "Field '" + field + "' is not valid in " + where + " at " + location + "/" + field);
            }
        });
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> union = new HashSet<>();
        for (Set<String> set : sets) {
            union.addAll(set);
        }
        return Set.copyOf(union);
    }
}
