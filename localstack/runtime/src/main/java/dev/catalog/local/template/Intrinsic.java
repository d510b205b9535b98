package dev.catalog.local.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudFormation intrinsic function as the template wrote it, in the short form ({@code !GetAtt Db.Endpoint})
 * or the long one ({@code {"Fn::GetAtt": ["Db", "Endpoint"]}}): both read to the same record.
 *
 * <p>Arguments are template values as read: strings, numbers, booleans, lists, maps, or further intrinsics.
 * Nothing is evaluated here; {@link IntrinsicEvaluator} does that with the values the local runtime supplies.
 */
public sealed interface Intrinsic {

    /** {@code !Ref name}: a parameter, a pseudo parameter such as {@code AWS::Region}, or a resource. */
    record Ref(String logicalName) implements Intrinsic {
        public Ref {
            Objects.requireNonNull(logicalName, "logicalName");
        }
    }

    /** {@code !GetAtt Resource.Attribute}; the attribute may itself contain dots ({@code Endpoint.Address}). */
    record GetAtt(String logicalId, String attribute) implements Intrinsic {
        public GetAtt {
            Objects.requireNonNull(logicalId, "logicalId");
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** {@code !Sub "text ${Name} ${Res.Attr}"} with optional local variables ({@code !Sub [text, {Name: value}]}). */
    record Sub(String template, Map<String, Object> variables) implements Intrinsic {
        public Sub {
            Objects.requireNonNull(template, "template");
            variables = Map.copyOf(variables);
        }
    }

    record Join(Object delimiter, Object values) implements Intrinsic {
    }

    record Select(Object index, Object values) implements Intrinsic {
    }

    record Split(Object delimiter, Object source) implements Intrinsic {
    }

    /** {@code !If [ConditionName, valueIfTrue, valueIfFalse]}. */
    record If(String condition, Object whenTrue, Object whenFalse) implements Intrinsic {
    }

    record Equals(Object left, Object right) implements Intrinsic {
    }

    record Not(Object condition) implements Intrinsic {
    }

    record And(List<Object> conditions) implements Intrinsic {
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    record Or(List<Object> conditions) implements Intrinsic {
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code !Condition Name} inside {@code !And}, {@code !Or} and {@code !Not}. */
    record Condition(String name) implements Intrinsic {
    }

    record FindInMap(Object mapName, Object topLevelKey, Object secondLevelKey) implements Intrinsic {
    }

    record ImportValue(Object exportName) implements Intrinsic {
    }

    record GetAZs(Object region) implements Intrinsic {
    }

    record Base64(Object value) implements Intrinsic {
    }

    record Cidr(Object ipBlock, Object count, Object cidrBits) implements Intrinsic {
    }

    /** A long-form {@code Fn::...} this reader does not model (Fn::ToJsonString, Fn::Length, ...), kept as written. */
    record Unmodelled(String function, Object argument) implements Intrinsic {
    }

    /** The function's name as CloudFormation spells it in the long form, for messages. */
    default String function() {
        return switch (this) {
            case Ref ref -> "Ref";
            case Condition condition -> "Condition";
            case Unmodelled unmodelled -> unmodelled.function();
            default -> "Fn::" + getClass().getSimpleName();
        };
    }

    /** How a template author would recognise it in an error message. */
    default String describe() {
        return switch (this) {
            case Ref ref -> "!Ref " + ref.logicalName();
            case GetAtt getAtt -> "!GetAtt " + getAtt.logicalId() + "." + getAtt.attribute();
            case Sub sub -> "!Sub '" + sub.template() + "'";
            case Condition condition -> "!Condition " + condition.name();
            default -> function() + " " + this;
        };
    }
}
