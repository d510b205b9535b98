package dev.catalog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain CloudFormation resources ({@code AWS::*}, which SAM's schema does not describe) against the resource
 * specification of @aws-cdk/aws-service-spec, as extracted by tools/extract-cfn-spec.js into
 * src/test/resources/cfn-spec: their top-level property names, their required properties, and every attribute
 * the template reads with {@code !GetAtt} or {@code ${Resource.Attribute}}. Nested property types are not checked.
 */
final class CfnResourceCheck {

    private static final Pattern SUB_ATTRIBUTE = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.([A-Za-z0-9.]+)}");

    private final JsonNode types;

    CfnResourceCheck() {
        try (InputStream in = CfnResourceCheck.class.getResourceAsStream("/cfn-spec/resource-types.json")) {
            types = JsonMapper.builder().build().readTree(in).path("types");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> resources = template.resources();
        resources.forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            if (!isPlain(type)) {
                return;
            }
            JsonNode spec = types.path(type);
            if (spec.isMissingNode()) {
                problems.add(id + ": " + type + " is not in cfn-spec/resource-types.json (run infra-tests/tools/extract-cfn-spec.js)");
                return;
            }
            Map<String, Object> properties = CloudFormationTemplate.map(resource.get("Properties"));
            properties.keySet().stream().filter(name -> !spec.path("properties").has(name))
                    .forEach(name -> problems.add(id + ": " + type + " has no property " + name));
            spec.path("properties").properties().stream()
                    .filter(property -> property.getValue().asBoolean() && !properties.containsKey(property.getKey()))
                    .forEach(property -> problems.add(id + ": " + type + " requires " + property.getKey()));
        });
        attributesRead(template.document(), (id, attribute) -> {
            Map<String, Object> resource = resources.get(id);
            String type = resource == null ? "" : String.valueOf(resource.get("Type"));
            if (isPlain(type) && types.has(type) && !hasAttribute(types.path(type).path("attributes"), attribute)) {
                problems.add("!GetAtt " + id + "." + attribute + ": " + type + " has no attribute " + attribute);
            }
        }, problems);
        return problems;
    }

    private static boolean isPlain(String type) {
        return type.startsWith("AWS::") && !type.startsWith("AWS::Serverless::");
    }

    private static boolean hasAttribute(JsonNode attributes, String attribute) {
        for (JsonNode known : attributes) {
            if (known.asText().equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface AttributeUse {
        void accept(String logicalId, String attribute);
    }

    /** Every {@code Fn::GetAtt} and every {@code ${Resource.Attribute}} of a {@code Fn::Sub}, anywhere. */
    private static void attributesRead(Object value, AttributeUse use, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            List<Object> getAtt = CloudFormationTemplate.list(map.get("Fn::GetAtt"));
            if (getAtt.size() == 2) {
                use.accept(String.valueOf(getAtt.get(0)), String.valueOf(getAtt.get(1)));
            }
            Object sub = map.get("Fn::Sub");
            String subTemplate = sub instanceof String text ? text
                    : CloudFormationTemplate.list(sub).isEmpty() ? null : String.valueOf(CloudFormationTemplate.list(sub).getFirst());
            if (subTemplate != null) {
                Matcher placeholder = SUB_ATTRIBUTE.matcher(subTemplate);
                while (placeholder.find()) {
                    use.accept(placeholder.group(1), placeholder.group(2));
                }
            }
            map.values().forEach(nested -> attributesRead(nested, use, problems));
        } else if (value instanceof List<?> list) {
            list.forEach(nested -> attributesRead(nested, use, problems));
        }
    }
}
