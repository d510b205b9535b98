package dev.catalog.local.template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes template values locally: intrinsics are evaluated against the template's own parameters, conditions
 * and mappings, and the {@link IntrinsicResolver} for everything that lives outside the template.
 *
 * <p>The result is plain values (strings, numbers, booleans, lists, maps). {@code !Ref AWS::NoValue} removes the
 * property or list element that holds it, as in CloudFormation.
 */
final class IntrinsicEvaluator {

    private static final Pattern SUB_PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final String NO_VALUE = "AWS::NoValue";

    /** Marks a value {@code !Ref AWS::NoValue} removed; never escapes {@link #evaluate}. */
    private enum Absent { VALUE }

    private final IntrinsicResolver resolver;
    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;

    IntrinsicEvaluator(IntrinsicResolver resolver, Map<String, Object> template) {
        this.resolver = resolver;
        this.parameters = section(template, "Parameters");
        this.conditions = section(template, "Conditions");
        this.mappings = section(template, "Mappings");
    }

    /** The value with every intrinsic computed; empty when it is {@code !Ref AWS::NoValue}. */
    Optional<Object> evaluate(Object value) {
        Object evaluated = value(value);
        return evaluated == Absent.VALUE ? Optional.empty() : Optional.ofNullable(evaluated);
    }

    /** A string as CloudFormation makes one from a scalar: numbers and booleans become their text. */
    static String text(Object value) {
        return switch (value) {
            case String text -> text;
            case Double number -> BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            case null -> throw new UnresolvableValueException("a value is required");
            default -> throw new UnresolvableValueException("expected text, found " + value);
        };
    }

    private Object value(Object value) {
        return switch (value) {
            case Intrinsic intrinsic -> intrinsic(intrinsic);
            case Map<?, ?> map -> {
                Map<String, Object> evaluated = new LinkedHashMap<>();
                map.forEach((key, entry) -> {
                    Object computed = value(entry);
                    if (computed != Absent.VALUE) {
                        evaluated.put((String) key, computed);
                    }
                });
                yield Collections.unmodifiableMap(evaluated);
            }
            case List<?> list -> {
                List<Object> evaluated = new ArrayList<>(list.size());
                for (Object element : list) {
                    Object computed = value(element);
                    if (computed != Absent.VALUE) {
                        evaluated.add(computed);
                    }
                }
                yield Collections.unmodifiableList(evaluated);
            }
            case null, default -> value;
        };
    }

    private Object intrinsic(Intrinsic intrinsic) {
        return switch (intrinsic) {
            case Intrinsic.Ref ref -> ref(ref.logicalName());
            case Intrinsic.GetAtt getAtt -> resolver.getAtt(getAtt.logicalId(), getAtt.attribute())
                    .orElseThrow(() -> unresolvable(getAtt, "the local runtime has no value for it"));
            case Intrinsic.Sub sub -> substitute(sub);
            case Intrinsic.Join join -> String.join(text(value(join.delimiter())),
                    list(join.values(), join).stream().map(IntrinsicEvaluator::text).toList());
            case Intrinsic.Select select -> select(select);
            case Intrinsic.Split split -> List.of((Object[])
                    text(value(split.source())).split(Pattern.quote(text(value(split.delimiter()))), -1));
            case Intrinsic.If anIf -> condition(anIf.condition()) ? value(anIf.whenTrue()) : value(anIf.whenFalse());
            case Intrinsic.Equals equals -> text(value(equals.left())).equals(text(value(equals.right())));
            case Intrinsic.Not not -> !bool(not.condition());
            case Intrinsic.And and -> and.conditions().stream().allMatch(this::bool);
            case Intrinsic.Or or -> or.conditions().stream().anyMatch(this::bool);
            case Intrinsic.Condition condition -> condition(condition.name());
            case Intrinsic.FindInMap find -> findInMap(find);
            case Intrinsic.ImportValue importValue -> resolver.importValue(text(value(importValue.exportName())))
                    .orElseThrow(() -> unresolvable(importValue, "the local runtime has no such export"));
            case Intrinsic.Base64 base64 -> Base64.getEncoder()
                    .encodeToString(text(value(base64.value())).getBytes(StandardCharsets.UTF_8));
            case Intrinsic.GetAZs getAZs -> throw unresolvable(getAZs, "is not supported locally");
            case Intrinsic.Cidr cidr -> throw unresolvable(cidr, "is not supported locally");
            case Intrinsic.Unmodelled unmodelled -> throw unresolvable(unmodelled, "is not supported locally");
        };
    }

    private Object ref(String name) {
        if (name.equals(NO_VALUE)) {
            return Absent.VALUE;
        }
        Optional<String> local = resolver.ref(name);
        Object declaration = parameters.get(name);
        if (!(declaration instanceof Map<?, ?> parameter)) {
            return local.orElseThrow(() -> new UnresolvableValueException("!Ref " + name + ": the local runtime has no value for "
                    + (name.startsWith("AWS::") ? "this pseudo parameter" : "this resource")));
        }
        Object raw = local.isPresent() ? local.get() : parameter.get("Default");
        if (raw == null) {
            throw new UnresolvableValueException("!Ref " + name
                    + ": the parameter has no Default and the local runtime gives it no value");
        }
        String type = String.valueOf(parameter.get("Type"));
        return type.equals("CommaDelimitedList") || type.startsWith("List<")
                ? List.of((Object[]) text(raw).split(","))
                : text(raw);
    }

    private String substitute(Intrinsic.Sub sub) {
        Matcher placeholder = SUB_PLACEHOLDER.matcher(sub.template());
        StringBuilder result = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (sub.variables().containsKey(name)) {
                replacement = text(value(sub.variables().get(name)));
            } else if (name.contains(".")) {
                int dot = name.indexOf('.');
                replacement = text(intrinsic(new Intrinsic.GetAtt(name.substring(0, dot), name.substring(dot + 1))));
            } else {
                replacement = text(ref(name));
            }
            placeholder.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(result);
        return result.toString();
    }

    private Object select(Intrinsic.Select select) {
        List<?> values = list(select.values(), select);
        String index = text(value(select.index()));
        try {
            return values.get(Integer.parseInt(index));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw unresolvable(select, "index " + index + " is not in " + values);
        }
    }

    private Object findInMap(Intrinsic.FindInMap find) {
        String mapName = text(value(find.mapName()));
        String top = text(value(find.topLevelKey()));
        String second = text(value(find.secondLevelKey()));
        if (mappings.get(mapName) instanceof Map<?, ?> map
                && map.get(top) instanceof Map<?, ?> entries
                && entries.containsKey(second)) {
            return value(entries.get(second));
        }
        throw unresolvable(find, "Mappings has no " + mapName + "." + top + "." + second);
    }

    private boolean condition(String name) {
        if (!conditions.containsKey(name)) {
            throw new UnresolvableValueException("condition " + name + " is not declared under Conditions");
        }
        return bool(conditions.get(name));
    }

    private boolean bool(Object condition) {
        Object evaluated = value(condition);
        if (evaluated instanceof Boolean bool) {
            return bool;
        }
        throw new UnresolvableValueException("expected a condition, found " + evaluated);
    }

    private List<?> list(Object value, Intrinsic user) {
        if (value(value) instanceof List<?> list) {
            return list;
        }
        throw unresolvable(user, "expects a list, found " + value);
    }

    private static UnresolvableValueException unresolvable(Intrinsic intrinsic, String reason) {
        return new UnresolvableValueException(intrinsic.describe() + ": " + reason);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String name) {
        return template.get(name) instanceof Map<?, ?> section ? (Map<String, Object>) section : Map.of();
    }
}
