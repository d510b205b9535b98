package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.StatesFailure;
import java.util.List;
import java.util.Optional;

/** A Choice rule: a comparison on one variable, or {@code And}/{@code Or}/{@code Not} of rules. */
public sealed interface ChoiceRule {

    boolean test(JsonNode input, JsonNode context);

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().allMatch(rule -> rule.test(input, context));
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().anyMatch(rule -> rule.test(input, context));
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return !rule.test(input, context);
        }
    }

    /** What a comparison compares the variable with: a literal, or a value selected by a {@code ...Path} operator. */
    sealed interface Operand {
        record Literal(JsonNode value) implements Operand {
        }

        record FromPath(JsonPathExpression path) implements Operand {
        }
    }

    record Comparison(JsonPathExpression variable, ComparisonOperator operator, Operand operand) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            Optional<JsonNode> actual = variable.select(input, context);
            if (actual.isEmpty() && operator.kind() != ComparisonOperator.Kind.TYPE_TEST) {
                throw invalidPath(variable);
            }
            JsonNode expected = switch (operand) {
                case Operand.Literal literal -> literal.value();
                case Operand.FromPath fromPath -> fromPath.path().select(input, context)
                        .orElseThrow(() -> invalidPath(fromPath.path()));
            };
            return operator.test(actual.orElse(null), expected);
        }

        private static StatesFailure invalidPath(JsonPathExpression path) {
            return new StatesFailure(ErrorNames.RUNTIME, "Invalid path '" + path.text()
                    + "': The choice state's condition path references an invalid value.");
        }
    }
}
