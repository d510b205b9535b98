package dev.catalog.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An AWS SDK response as JSON, field by field under the names the service's API uses: what the SDK saw, for the
 * console to show as the Step Functions console would. Timestamps become ISO-8601 instants.
 */
final class SdkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    static JsonNode of(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case SdkPojo pojo -> object(pojo);
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(item -> array.add(of(item)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, item) -> object.set(String.valueOf(key), of(item)));
                yield object;
            }
            case Instant instant -> NODES.textNode(instant.toString());
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            default -> NODES.textNode(value.toString());
        };
    }

    private static ObjectNode object(SdkPojo pojo) {
        ObjectNode object = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>)
                    && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>)) {
                object.set(field.locationName(), of(value));
            }
        }
        return object;
    }
}
