package dev.catalog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SAM's own JSON schema (src/test/resources/aws-sam, see PROVENANCE.md) applied to each {@code AWS::Serverless::*}
 * resource, each of its events and the function Globals, one at a time: validated whole, the template only
 * yields the schema's unhelpful "matches none of anyOf". What it catches: misspelt or unknown properties, wrong
 * types, missing required ones, unknown event types. Plain CloudFormation resources are beyond it.
 */
final class SamSchemaCheck {

    private static final String DEFINITIONS = "samtranslator__internal__schema_source__aws_serverless_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode schema;
    private final Map<String, JsonSchema> byDefinition = new HashMap<>();

    SamSchemaCheck() {
        try (InputStream in = SamSchemaCheck.class.getResourceAsStream("/aws-sam/sam.schema.json")) {
            schema = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> globals = CloudFormationTemplate.map(template.document().get("Globals"));
        globals.forEach((section, values) -> validate(DEFINITIONS + section.toLowerCase(Locale.ROOT) + "__Globals",
                values, "Globals." + section, problems));
        template.resources().forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            if (!type.startsWith("AWS::Serverless::")) {
                return;
            }
            String kind = type.substring("AWS::Serverless::".length()).toLowerCase(Locale.ROOT);
            Map<String, Object> withoutEvents = new LinkedHashMap<>(resource);
            Map<String, Object> properties = new LinkedHashMap<>(CloudFormationTemplate.map(resource.get("Properties")));
            Map<String, Object> events = CloudFormationTemplate.map(properties.remove("Events"));
            withoutEvents.put("Properties", properties);
            validate(DEFINITIONS + kind + "__Resource", withoutEvents, id, problems);
            events.forEach((name, event) -> {
                String eventType = String.valueOf(CloudFormationTemplate.map(event).get("Type"));
                String definition = schema.path("definitions").has(eventType + "Event") ? eventType + "Event"
                        : DEFINITIONS + kind + "__" + eventType + "Event";
                if (!schema.path("definitions").has(definition)) {
                    problems.add(id + ".Events." + name + ": SAM knows no event type " + eventType + " for " + type);
                } else {
                    validate(definition, event, id + ".Events." + name, problems);
                }
            });
        });
        return problems;
    }

    private void validate(String definition, Object value, String where, List<String> problems) {
        if (!schema.path("definitions").has(definition)) {
            problems.add(where + ": SAM's schema has no definition " + definition);
            return;
        }
        for (ValidationMessage message : schemaOf(definition).validate(JSON.valueToTree(value))) {
            problems.add(where + ": " + message.getMessage());
        }
    }

    /** The schema document with its root replaced by a reference to one definition. */
    private JsonSchema schemaOf(String definition) {
        return byDefinition.computeIfAbsent(definition, name -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", schema.path("$schema").asText());
            root.set("definitions", schema.path("definitions"));
            root.put("$ref", "#/definitions/" + name);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
        });
    }
}
