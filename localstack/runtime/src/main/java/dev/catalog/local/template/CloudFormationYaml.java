package dev.catalog.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation (SAM) template into plain values: maps keep the template's order, lists, scalars, and
 * {@link Intrinsic}s wherever the template uses a short-form tag or a long-form {@code Ref}/{@code Fn::} map.
 */
public final class CloudFormationYaml {

    /**
     * The short-form tags CloudFormation accepts, with the long-form key each one stands for; the last six are the
     * functions of a template's Rules, read (as {@link Intrinsic.Unmodelled}) and never evaluated locally.
     */
    private static final Map<String, String> SHORT_FORMS = Stream.of(
                    "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap",
                    "ImportValue", "GetAZs", "Base64", "Cidr",
                    "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll")
            .collect(Collectors.toMap(name -> "!" + name, name -> "Fn::" + name));

    private CloudFormationYaml() {
    }

    /** The template's top-level mapping, intrinsics read into {@link Intrinsic} records. */
    public static Map<String, Object> read(Path template) {
        Map<String, Object> document = readLongForm(template);
        List<String> problems = new ArrayList<>();
        Object converted = new LongForms(problems).convert(document, "");
        if (!problems.isEmpty()) {
            throw new TemplateException(template, problems);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) converted;
        return root;
    }

    /**
     * The template's top-level mapping as plain values in CloudFormation's long form, what CloudFormation itself and
     * SAM's schema see: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.b} is {@code {"Fn::GetAtt": ["A", "b"]}},
     * {@code !Sub s} is {@code {"Fn::Sub": s}}. The deployment checks (infra-tests) read the template through this too.
     */
    public static Map<String, Object> readLongForm(Path template) {
        Object document;
        try (Reader reader = Files.newBufferedReader(template)) {
            document = new Yaml(new TemplateConstructor()).load(reader);
        } catch (IOException e) {
            throw new TemplateException(template, "cannot be read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new TemplateException(template, "is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new TemplateException(template, List.of("is not a template: its top level is not a mapping"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) document;
        return root;
    }

    /** Short-form tags become their long form here; {@link LongForms} then reads both into records alike. */
    private static final class TemplateConstructor extends SafeConstructor {

        TemplateConstructor() {
            super(loaderOptions());
            // CloudFormation reads an unquoted 2010-09-09 as text, not as a date.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new ConstructLongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new ConstructLongForm("Condition"));
            SHORT_FORMS.forEach((tag, function) -> yamlConstructors.put(new Tag(tag), new ConstructLongForm(function)));
        }

        private static LoaderOptions loaderOptions() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return options;
        }

        private final class ConstructLongForm extends AbstractConstruct {

            private final String function;

            ConstructLongForm(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new YAMLException("unexpected node for " + function + ": " + node);
                };
                // The long form of GetAtt is a list; the short form's dotted name splits at its first dot.
                if (function.equals("Fn::GetAtt") && argument instanceof String dotted && dotted.indexOf('.') > 0) {
                    argument = List.of(dotted.substring(0, dotted.indexOf('.')), dotted.substring(dotted.indexOf('.') + 1));
                }
                return Map.of(function, argument);
            }
        }
    }

    /** Walks the tree, turning every long-form intrinsic into its record; malformed ones are collected. */
    private record LongForms(List<String> problems) {

        Object convert(Object value, String path) {
            return switch (value) {
                case Map<?, ?> map when isIntrinsic(map) -> {
                    Map.Entry<?, ?> only = map.entrySet().iterator().next();
                    String function = (String) only.getKey();
                    yield intrinsic(function, convert(only.getValue(), path + "." + function), path);
                }
                case Map<?, ?> map -> {
                    Map<String, Object> converted = new LinkedHashMap<>();
                    map.forEach((key, entry) -> converted.put(String.valueOf(key),
                            convert(entry, path.isEmpty() ? String.valueOf(key) : path + "." + key)));
                    yield Collections.unmodifiableMap(converted);
                }
                case List<?> list -> {
                    List<Object> converted = new ArrayList<>(list.size());
                    for (int i = 0; i < list.size(); i++) {
                        converted.add(convert(list.get(i), path + "[" + i + "]"));
                    }
                    yield Collections.unmodifiableList(converted);
                }
                case null, default -> value;
            };
        }

        private static boolean isIntrinsic(Map<?, ?> map) {
            if (map.size() != 1 || !(map.keySet().iterator().next() instanceof String key)) {
                return false;
            }
            // A lone "Condition" key is a condition reference only when it names one (a string).
            return key.equals("Ref") || key.startsWith("Fn::")
                    || key.equals("Condition") && map.get(key) instanceof String;
        }

        private Intrinsic intrinsic(String function, Object argument, String path) {
            try {
                return switch (function) {
                    case "Ref" -> new Intrinsic.Ref(text(argument));
                    case "Condition" -> new Intrinsic.Condition(text(argument));
                    case "Fn::GetAtt" -> getAtt(argument);
                    case "Fn::Sub" -> sub(argument);
                    case "Fn::Join" -> {
                        List<?> args = arguments(argument, 2);
                        yield new Intrinsic.Join(args.get(0), args.get(1));
                    }
                    case "Fn::Select" -> {
                        List<?> args = arguments(argument, 2);
                        yield new Intrinsic.Select(args.get(0), args.get(1));
                    }
                    case "Fn::Split" -> {
                        List<?> args = arguments(argument, 2);
                        yield new Intrinsic.Split(args.get(0), args.get(1));
                    }
                    case "Fn::If" -> {
                        List<?> args = arguments(argument, 3);
                        yield new Intrinsic.If(text(args.get(0)), args.get(1), args.get(2));
                    }
                    case "Fn::Equals" -> {
                        List<?> args = arguments(argument, 2);
                        yield new Intrinsic.Equals(args.get(0), args.get(1));
                    }
                    case "Fn::Not" -> new Intrinsic.Not(arguments(argument, 1).getFirst());
                    case "Fn::And" -> new Intrinsic.And(list(argument));
                    case "Fn::Or" -> new Intrinsic.Or(list(argument));
                    case "Fn::FindInMap" -> {
                        List<?> args = arguments(argument, 3);
                        yield new Intrinsic.FindInMap(args.get(0), args.get(1), args.get(2));
                    }
                    case "Fn::ImportValue" -> new Intrinsic.ImportValue(argument);
                    case "Fn::GetAZs" -> new Intrinsic.GetAZs(argument);
                    case "Fn::Base64" -> new Intrinsic.Base64(argument);
                    case "Fn::Cidr" -> {
                        List<?> args = arguments(argument, 3);
                        yield new Intrinsic.Cidr(args.get(0), args.get(1), args.get(2));
                    }
                    default -> new Intrinsic.Unmodelled(function, argument);
                };
            } catch (MalformedIntrinsic e) {
                problems.add(path + ": " + function + " " + e.getMessage());
                return new Intrinsic.Unmodelled(function, argument);
            }
        }

        private static Intrinsic.GetAtt getAtt(Object argument) {
            if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
                int dot = dotted.indexOf('.');
                return new Intrinsic.GetAtt(dotted.substring(0, dot), dotted.substring(dot + 1));
            }
            List<?> args = arguments(argument, 2);
            return new Intrinsic.GetAtt(text(args.get(0)), text(args.get(1)));
        }

        private static Intrinsic.Sub sub(Object argument) {
            if (argument instanceof String template) {
                return new Intrinsic.Sub(template, Map.of());
            }
            List<?> args = arguments(argument, 2);
            if (!(args.get(1) instanceof Map<?, ?> variables)) {
                throw new MalformedIntrinsic("expects [template, {variables}]");
            }
            Map<String, Object> named = new LinkedHashMap<>();
            variables.forEach((name, value) -> named.put(String.valueOf(name), value));
            return new Intrinsic.Sub(text(args.get(0)), named);
        }

        private static String text(Object argument) {
            if (argument instanceof String text) {
                return text;
            }
            throw new MalformedIntrinsic("expects a name, found " + argument);
        }

        private static List<Object> list(Object argument) {
            if (argument instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            throw new MalformedIntrinsic("expects a list, found " + argument);
        }

        private static List<?> arguments(Object argument, int count) {
            List<?> list = list(argument);
            if (list.size() != count) {
                throw new MalformedIntrinsic("expects " + count + " arguments, found " + list.size());
            }
            return list;
        }
    }

    private static final class MalformedIntrinsic extends RuntimeException {
        MalformedIntrinsic(String message) {
            super(message, null, false, false);
        }
    }
}
