package dev.catalog.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.platform.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each upcasting step on its own, and the chain that runs them. */
class UpcasterTest {

    static Set<String> productEvents() {
        return ProductGtinAdded.PRODUCT_EVENTS;
    }

    @ParameterizedTest
    @MethodSource("productEvents")
    void version_1_to_2_states_that_a_product_of_version_1_has_no_gtin_and_changes_nothing_else(String type) throws Exception {
        ObjectNode v1 = (ObjectNode) Json.parse(EventCodecContractTest.sample(type, 1));
        ObjectNode rewritten = v1.deepCopy();

        ProductGtinAdded.rewrite(rewritten);

        assertThat(rewritten.at("/product").has("gtin")).isTrue();
        assertThat(rewritten.at("/product/gtin").isNull()).isTrue();
        ((ObjectNode) rewritten.get("product")).remove("gtin");
        assertThat(rewritten).isEqualTo(v1);
    }

    @Test
    void version_1_to_2_leaves_a_gtin_already_there_and_a_payload_without_a_product() throws Exception {
        ObjectNode v2 = (ObjectNode) Json.parse(EventCodecContractTest.sample("ProductCreated", 2));
        ObjectNode noProduct = (ObjectNode) Json.parse("{\"something\": 1}");

        ProductGtinAdded.rewrite(v2);
        ProductGtinAdded.rewrite(noProduct);

        assertThat(v2.at("/product/gtin").textValue()).isEqualTo("4006381333931");
        assertThat(noProduct).isEqualTo(Json.parse("{\"something\": 1}"));
    }

    @Test
    void the_chain_runs_every_step_from_the_written_version_in_order_on_a_copy() throws Exception {
        Upcaster oneToTwo = new Upcaster(1, Set.of("Thing"), payload -> payload.put("steps", payload.path("steps").asText() + "a"));
        Upcaster twoToThree = new Upcaster(2, Set.of("Thing"), payload -> payload.put("steps", payload.path("steps").asText() + "b"));
        EventSchemas schemas = new EventSchemas(List.of(twoToThree, oneToTwo));
        JsonNode written = Json.parse("{}");

        assertThat(schemas.currentVersion("Thing")).isEqualTo(3);
        assertThat(schemas.currentVersion("Other")).isEqualTo(1);
        assertThat(schemas.upcast("Thing", 1, written).get("steps").textValue()).isEqualTo("ab");
        assertThat(schemas.upcast("Thing", 2, written).get("steps").textValue()).isEqualTo("b");
        assertThat(schemas.upcast("Thing", 3, written)).isSameAs(written);
        assertThat(written).isEqualTo(Json.parse("{}"));
        assertThatThrownBy(() -> schemas.upcast("Thing", 4, written)).isInstanceOf(UnknownSchemaVersionException.class);
        assertThatThrownBy(() -> schemas.upcast("Other", 2, written)).isInstanceOf(UnknownSchemaVersionException.class);
    }

    @Test
    void a_chain_with_a_missing_step_is_refused_when_it_is_built() {
        Upcaster twoToThree = new Upcaster(2, Set.of("Thing"), payload -> { });

        assertThatThrownBy(() -> new EventSchemas(List.of(twoToThree))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skip a version");
    }
}
