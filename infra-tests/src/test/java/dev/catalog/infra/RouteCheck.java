package dev.catalog.infra;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API and the code agree: every route is served by a function whose handler takes API Gateway's payload
 * 2.0, no route is declared twice, and every such handler class in the modules that deploy HTTP functions is the
 * handler of some route (a handler nobody routes to is an endpoint that silently does not exist).
 */
final class RouteCheck {

    private final Repository repository;

    RouteCheck(Repository repository) {
        this.repository = repository;
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, String> routes = new LinkedHashMap<>();
        Set<String> routedHandlers = new LinkedHashSet<>();
        Set<String> httpModules = new LinkedHashSet<>();
        template.functions().forEach((id, function) -> function.events("HttpApi").forEach((name, route) -> {
            String key = HandlerCheck.referencedResource(route.get("ApiId")).orElse("ServerlessHttpApi") + " "
                    + String.valueOf(route.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT) + " "
                    + route.getOrDefault("Path", "$default");
            String previous = routes.putIfAbsent(key, id);
            if (previous != null) {
                problems.add("route " + key + " is declared by both " + previous + " and " + id);
            }
            String className = Handlers.className(function.text("Handler").orElse(""));
            boolean servesHttp = Handlers.load(className).flatMap(Handlers::requestType)
                    .filter(input -> input.isAssignableFrom(APIGatewayV2HTTPEvent.class)).isPresent();
            if (!servesHttp) {
                problems.add("route " + key + " (" + id + "): no handler for it, " + className
                        + " is not a RequestHandler of APIGatewayV2HTTPEvent");
            }
            routedHandlers.add(className);
            repository.moduleOfPackage(function.text("CodeUri").orElse("")).ifPresent(httpModules::add);
        }));
        for (String module : httpModules) {
            Path sources = repository.directory(module).resolve("src/main/java");
            for (Path source : repository.mainSources(module)) {
                String className = Repository.className(sources, source);
                Handlers.load(className)
                        .filter(Handlers::isConcrete)
                        .filter(type -> Handlers.requestType(type)
                                .filter(input -> input.equals(APIGatewayV2HTTPEvent.class)).isPresent())
                        .filter(type -> !routedHandlers.contains(className))
                        .ifPresent(type -> problems.add(className + " (module " + module
                                + ") handles HTTP requests but no route of the template leads to it"));
            }
        }
        return problems;
    }
}
