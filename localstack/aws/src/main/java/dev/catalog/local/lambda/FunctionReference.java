package dev.catalog.local.lambda;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function named the ways Lambda accepts in {@code FunctionName}: {@code my-function}, {@code my-function:live},
 * {@code 123456789012:function:my-function[:live]} or the full ARN
 * {@code arn:aws:lambda:us-east-1:123456789012:function:my-function[:live]}.
 *
 * @param name      the function's name, without account, region or qualifier
 * @param qualifier a version or alias, or {@code null} for {@code $LATEST}
 */
public record FunctionReference(String name, String qualifier) {

    private static final String NAME = "[a-zA-Z0-9-_]{1,64}";
    private static final String QUALIFIER = "(\\$LATEST|[a-zA-Z0-9-_]{1,128})";
    private static final Pattern FULL_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:(" + NAME + ")(?::" + QUALIFIER + ")?");
    private static final Pattern PARTIAL_ARN = Pattern.compile("\\d{12}:function:(" + NAME + ")(?::" + QUALIFIER + ")?");
    private static final Pattern PLAIN = Pattern.compile("(" + NAME + ")(?::" + QUALIFIER + ")?");

    public FunctionReference {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Reads a {@code FunctionName}; a separate {@code Qualifier} parameter, when given, must agree with a qualifier
     * written in the name (Lambda refuses a conflict as well).
     */
    public static FunctionReference parse(String functionName, String separateQualifier) {
        FunctionReference reference = parse(functionName);
        if (separateQualifier == null || separateQualifier.isEmpty()) {
            return reference;
        }
        if (reference.qualifier() != null && !reference.qualifier().equals(separateQualifier)) {
            throw new IllegalArgumentException("The derived qualifier from the function name does not match the "
                    + "specified qualifier: " + reference.qualifier() + " vs " + separateQualifier);
        }
        return new FunctionReference(reference.name(), separateQualifier);
    }

    public static FunctionReference parse(String functionName) {
        if (functionName == null) {
            throw new IllegalArgumentException("FunctionName is required");
        }
        for (Pattern form : new Pattern[] {FULL_ARN, PARTIAL_ARN, PLAIN}) {
            Matcher matcher = form.matcher(functionName);
            if (matcher.matches()) {
                return new FunctionReference(matcher.group(1), matcher.group(2));
            }
        }
        throw new IllegalArgumentException("'" + functionName + "' is not a function name, partial ARN or function ARN");
    }

    /** What Lambda reports as the executed version: the qualifier, or {@code $LATEST}. */
    public String executedVersion() {
        return qualifier == null ? "$LATEST" : qualifier;
    }

    public String arn(String region, String accountId) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name + (qualifier == null ? "" : ":" + qualifier);
    }
}
