package dev.catalog.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A mapping of the template (a resource's {@code Properties}, an event's, a nested block), read one property at a
 * time: each value is resolved when asked for, and what is malformed or unresolvable becomes a problem that names
 * the property's path, instead of an exception that would hide the others.
 */
final class TemplateProperties {

    private final Map<String, Object> values;
    private final String path;
    private final IntrinsicEvaluator evaluator;
    private final List<String> problems;

    TemplateProperties(Map<String, Object> values, String path, IntrinsicEvaluator evaluator, List<String> problems) {
        this.values = values;
        this.path = path;
        this.evaluator = evaluator;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value exactly as written, intrinsics unevaluated. */
    Map<String, Object> raw() {
        return values;
    }

    Optional<String> text(String name) {
        return value(name).flatMap(value -> convert(name, () -> IntrinsicEvaluator.text(value)));
    }

    /** The text; a problem when it is missing, empty or {@code AWS::NoValue} (unless that is already reported). */
    String requiredText(String name) {
        int reported = problems.size();
        Optional<String> text = text(name).filter(value -> !value.isBlank());
        if (text.isEmpty() && problems.size() == reported) {
            problem(name, "is required");
        }
        return text.orElse("");
    }

    Optional<Integer> integer(String name) {
        return text(name).flatMap(text -> convert(name, () -> {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, found " + text);
            }
        }));
    }

    Optional<Boolean> bool(String name) {
        return value(name).flatMap(value -> convert(name, () -> switch (value) {
            case Boolean bool -> bool;
            case String text when text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ->
                    Boolean.valueOf(text);
            default -> throw new IllegalArgumentException("expected true or false, found " + value);
        }));
    }

    /** A list of texts; a single text counts as a list of one, as CloudFormation accepts in such places. */
    List<String> texts(String name) {
        return value(name).flatMap(value -> convert(name, () -> switch (value) {
            case List<?> list -> list.stream().map(IntrinsicEvaluator::text).toList();
            default -> List.of(IntrinsicEvaluator.text(value));
        })).orElse(List.of());
    }

    /** A mapping of texts, each entry resolved on its own, so that each problem names its entry. */
    Map<String, String> textMap(String name) {
        return nested(name).map(TemplateProperties::texts).orElse(Map.of());
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.keySet().forEach(key -> text(key).ifPresent(text -> texts.put(key, text)));
        return texts;
    }

    /** The nested mapping, read the same way; its values stay unevaluated until asked for. */
    Optional<TemplateProperties> nested(String name) {
        Object raw = values.get(name);
        Object mapping = raw instanceof Intrinsic ? value(name).orElse(null) : raw;
        if (mapping == null) {
            return Optional.empty();
        }
        return convert(name, () -> new TemplateProperties(mapping(mapping), path + "." + name, evaluator, problems));
    }

    /** The nested mapping, or an empty one when the template leaves it out. */
    TemplateProperties nestedOrEmpty(String name) {
        return nested(name).orElseGet(() -> new TemplateProperties(Map.of(), path + "." + name, evaluator, problems));
    }

    /** Each mapping of a list of mappings ({@code Filters}), resolved. */
    List<TemplateProperties> items(String name) {
        return value(name).flatMap(value -> convert(name, () -> {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("expected a list, found " + value);
            }
            return IntStream.range(0, list.size())
                    .mapToObj(i -> new TemplateProperties(mapping(list.get(i)), path + "." + name + "[" + i + "]",
                            evaluator, problems))
                    .toList();
        })).orElse(List.of());
    }

    /** Each entry of a mapping of mappings ({@code Events}, {@code Authorizers}), by its key. */
    Map<String, TemplateProperties> entries(String name) {
        Map<String, TemplateProperties> entries = new LinkedHashMap<>();
        nested(name).ifPresent(section -> section.values.keySet()
                .forEach(key -> section.nested(key).ifPresent(entry -> entries.put(key, entry))));
        return entries;
    }

    /** The value with its intrinsics evaluated; empty when absent, {@code AWS::NoValue} or unresolvable. */
    Optional<Object> value(String name) {
        if (values.get(name) == null) {
            return Optional.empty();
        }
        try {
            return evaluator.evaluate(values.get(name));
        } catch (UnresolvableValueException e) {
            problems.add(path + "." + name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    void problem(String name, String problem) {
        problems.add(path + "." + name + ": " + problem);
    }

    private <T> Optional<T> convert(String name, ValueConversion<T> conversion) {
        try {
            return Optional.of(conversion.convert());
        } catch (UnresolvableValueException | IllegalArgumentException e) {
            problem(name, e.getMessage());
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected a mapping, found " + value);
    }

    @FunctionalInterface
    private interface ValueConversion<T> {
        T convert();
    }
}
