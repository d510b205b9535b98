package dev.catalog.infra;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every function's Handler names a class of the module that builds its CodeUri's package, which implements
 * RequestHandler with the input its triggers send: API Gateway's payload 2.0 for HttpApi routes, the MSK event for
 * MSK event sources, CloudFormation's custom resource event for a custom resource's service token. (A function
 * that only a state machine invokes takes whatever its task sends.)
 */
final class HandlerCheck {

    private static final Map<String, Class<?>> INPUT_BY_EVENT = Map.of(
            "HttpApi", APIGatewayV2HTTPEvent.class,
            "MSK", KafkaEvent.class);

    private final Repository repository;

    HandlerCheck(Repository repository) {
        this.repository = repository;
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> customResourceFunctions = customResourceFunctions(template);
        template.functions().forEach((id, function) -> {
            String codeUri = function.text("CodeUri").orElse("");
            Optional<String> module = repository.moduleOfPackage(codeUri);
            if (module.isEmpty()) {
                problems.add(id + ": CodeUri " + codeUri + " is not the package a module builds "
                        + "(functions/<module>/target/<artifactId>.zip)");
                return;
            }
            String handler = function.text("Handler").orElse("");
            String className = Handlers.className(handler);
            Optional<Class<?>> type = Handlers.load(className);
            if (type.isEmpty()) {
                problems.add(id + ": handler class " + className + " does not exist");
                return;
            }
            Path moduleDirectory = repository.directory(module.get());
            if (!Handlers.location(type.get()).startsWith(moduleDirectory)) {
                problems.add(id + ": handler class " + className + " is not in module " + module.get()
                        + ", whose package " + codeUri + " is deployed");
                return;
            }
            if (handler.contains("::") && !handler.endsWith("::handleRequest")) {
                problems.add(id + ": Handler " + handler + " must name handleRequest, RequestHandler's method");
            }
            Optional<Class<?>> input = Handlers.requestType(type.get());
            if (input.isEmpty()) {
                problems.add(id + ": handler class " + className + " does not implement RequestHandler");
                return;
            }
            Set<Class<?>> expected = new LinkedHashSet<>();
            function.events().values().forEach(event -> {
                Class<?> sent = INPUT_BY_EVENT.get(String.valueOf(event.get("Type")));
                if (sent != null) {
                    expected.add(sent);
                }
            });
            if (customResourceFunctions.contains(id)) {
                expected.add(CloudFormationCustomResourceEvent.class);
            }
            for (Class<?> sent : expected) {
                if (!input.get().isAssignableFrom(sent)) {
                    problems.add(id + ": handler class " + className + " takes " + input.get().getSimpleName()
                            + " but its trigger sends " + sent.getSimpleName());
                }
            }
        });
        return problems;
    }

    /** Functions that a custom resource's ServiceToken points at ({@code !Ref F}, {@code !Ref F.Alias}, ...). */
    private static Set<String> customResourceFunctions(CloudFormationTemplate template) {
        Set<String> functions = new LinkedHashSet<>();
        template.resources().values().forEach(resource -> {
            String type = String.valueOf(resource.get("Type"));
            if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
                Object token = CloudFormationTemplate.map(resource.get("Properties")).get("ServiceToken");
                referencedResource(token).ifPresent(functions::add);
            }
        });
        return functions;
    }

    /** The logical id a {@code Ref} or {@code GetAtt} names, without SAM's {@code .Alias}/{@code .Version}. */
    static Optional<String> referencedResource(Object value) {
        Map<String, Object> intrinsic = CloudFormationTemplate.map(value);
        if (intrinsic.get("Ref") instanceof String ref) {
            return Optional.of(ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref);
        }
        List<Object> getAtt = CloudFormationTemplate.list(intrinsic.get("Fn::GetAtt"));
        return getAtt.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(getAtt.getFirst()));
    }
}
