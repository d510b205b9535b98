package dev.catalog.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductPriceChanged;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract between the write side, which encodes events into the outbox, and every projection, which
 * decodes them from Kafka. The samples in src/test/resources/events are the contract: one per event type.
 */
class EventCodecContractTest {

    private static final TenantId TENANT = new TenantId("acme");

    static Stream<String> eventTypes() {
        return Stream.of(ProductEvent.class, CategoryEvent.class, InventoryEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .map(Class::getSimpleName);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void every_event_type_has_a_sample_that_decodes_and_encodes_back_unchanged(String eventType) throws Exception {
        String sample = sample(eventType);

        DomainEvent event = EventCodec.decode(eventType, EventCodec.SCHEMA_VERSION, TENANT, sample);
        EncodedEvent encoded = EventCodec.encode(event);

        assertThat(event.getClass().getSimpleName()).isEqualTo(eventType);
        assertThat(event.tenant()).isEqualTo(TENANT);
        assertThat(encoded.eventType()).isEqualTo(eventType);
        assertThat(encoded.schemaVersion()).isEqualTo(1);
        assertThat(Json.parse(encoded.payload())).isEqualTo(Json.parse(sample));
    }

    @Test
    void amounts_travel_as_exact_decimal_strings() throws Exception {
        var event = (ProductPriceChanged) EventCodec.decode("ProductPriceChanged", 1, TENANT, sample("ProductPriceChanged"));

        JsonNode payload = Json.parse(EventCodec.encode(event).payload());

        assertThat(payload.at("/product/price/amount").textValue()).isEqualTo("79.90");
        assertThat(payload.at("/previousPrice/amount").textValue()).isEqualTo("89.90");
    }

    @Test
    void a_property_added_by_a_newer_producer_is_ignored() throws Exception {
        String newer = sample("CategoryCreated").replaceFirst("\\{", "{\"addedLater\": true,");

        assertThat(EventCodec.decode("CategoryCreated", 1, TENANT, newer)).isInstanceOf(CategoryEvent.class);
    }

    @Test
    void unknown_types_future_schemas_and_broken_payloads_are_refused_with_a_reason() {
        assertThatThrownBy(() -> EventCodec.decode("ProductTeleported", 1, TENANT, "{}"))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("unknown event type ProductTeleported");
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 2, TENANT, sample("ProductCreated")))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("schema version 2");
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 1, TENANT, "{\"product\": {\"id\": 1}}"))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 1, TENANT, "not json"))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("StockLevelChanged", 1, TENANT,
                sample("StockLevelChanged").replace("\"BER-1\": 12", "\"BER-1\": -12")))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("never negative");
    }

    @Test
    void the_samples_cover_exactly_the_event_types() throws IOException {
        List<String> types = eventTypes().toList();
        assertThat(types).hasSize(10);
        for (String type : types) {
            assertThat(sample(type)).isNotBlank();
        }
    }

    static String sample(String eventType) throws IOException {
        try (InputStream in = EventCodecContractTest.class.getResourceAsStream("/events/" + eventType + ".json")) {
            assertThat(in).as("sample events/%s.json", eventType).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
