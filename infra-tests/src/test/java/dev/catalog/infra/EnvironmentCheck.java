package dev.catalog.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every environment variable a function's code reads is set for it by the template (Globals included), unless
 * Lambda sets it itself. What is read is found in the project sources its handler can reach ({@link SourceGraph})
 * across its module and every project module its package contains: {@code Environment.required("X")}, {@code Environment.optional("X")}, lookups through a
 * variables function ({@code variables.apply("X")}), {@code new MissingConfigurationException("X")} and
 * {@code System.getenv("X")}; and {@code ${env:X}} in resources (log4j2.xml). Optional variables count: a function
 * that falls back to a default in AWS is as likely a mistake as one that fails.
 */
final class EnvironmentCheck {

    private static final Pattern READ_IN_CODE = Pattern.compile(
            "(?:\\.required|\\.optional|\\.apply|System\\.getenv|MissingConfigurationException)\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");
    private static final Pattern READ_IN_RESOURCES = Pattern.compile("\\$\\{env:([A-Z][A-Z0-9_]*)");

    /** Set by Lambda in every execution environment (reserved variables). */
    static final Set<String> SET_BY_LAMBDA = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "TZ");

    /**
     * The AWS SDK's own optional settings, unset in AWS (the regional endpoints apply) and set by the local stack for
     * its AWS endpoint.
     */
    static final Set<String> READ_BY_THE_AWS_SDK = Set.of("AWS_ENDPOINT_URL");

    /**
     * Variables that are alternatives: one group set is enough. DatabaseSettings takes a secret (AWS) or a user and
     * a password (the local stack).
     */
    static final List<Set<String>> ALTERNATIVES = List.of(Set.of("DB_SECRET_ARN"), Set.of("DB_USER", "DB_PASSWORD"));

    private final Repository repository;

    EnvironmentCheck(Repository repository) {
        this.repository = repository;
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        template.functions().forEach((id, function) -> {
            Optional<String> module = repository.moduleOfPackage(function.text("CodeUri").orElse(""));
            if (module.isEmpty()) {
                return; // HandlerCheck reports it
            }
            Set<String> set = function.environment().keySet();
            Map<String, String> missing = new LinkedHashMap<>();
            readBy(module.get(), Handlers.className(function.text("Handler").orElse(""))).forEach((variable, where) -> {
                if (!set.contains(variable) && !SET_BY_LAMBDA.contains(variable) && !READ_BY_THE_AWS_SDK.contains(variable)) {
                    missing.put(variable, where);
                }
            });
            if (ALTERNATIVES.stream().anyMatch(set::containsAll)) {
                ALTERNATIVES.forEach(group -> group.forEach(missing::remove));
            }
            missing.forEach((variable, where) -> problems.add(id + ": " + variable + " is read by " + where
                    + " but the template does not set it"));
        });
        return problems;
    }

    /**
     * Each variable a handler's code reads, with the first file that reads it: in the sources the handler reaches,
     * and in every resource of the package (configuration files such as log4j2.xml apply to all of it).
     */
    Map<String, String> readBy(String module, String handlerClass) {
        Set<String> contained = repository.withRuntimeDependencies(module);
        Map<String, String> read = new LinkedHashMap<>();
        for (Path source : new SourceGraph(repository, contained).reachableFrom(handlerClass)) {
            find(READ_IN_CODE, source, read);
        }
        for (String containedModule : contained) {
            for (Path resource : repository.mainResources(containedModule)) {
                find(READ_IN_RESOURCES, resource, read);
            }
        }
        return read;
    }

    private void find(Pattern pattern, Path file, Map<String, String> read) {
        Matcher match = pattern.matcher(Repository.read(file));
        while (match.find()) {
            read.putIfAbsent(match.group(1), repository.root().relativize(file).toString());
        }
    }
}
