package dev.catalog.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${Name}} placeholders in a definition's text, as CloudFormation's {@code DefinitionSubstitutions}
 * does before the definition reaches Step Functions. A placeholder without a value is refused here rather than left
 * in the definition, where it would only fail once an execution reaches it.
 */
public final class DefinitionSubstitutions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private DefinitionSubstitutions() {
    }

    public static String apply(String definition, Map<String, String> substitutions) {
        List<String> missing = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = substitutions.get(name);
            if (value == null) {
                missing.add("SCHEMA_VALIDATION_FAILED: The definition uses ${" + name + "} but no substitution named '"
                        + name + "' was given (known: " + substitutions.keySet().stream().sorted().toList() + ")");
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            throw new InvalidDefinitionException(missing);
        }
        return out.toString();
    }
}
