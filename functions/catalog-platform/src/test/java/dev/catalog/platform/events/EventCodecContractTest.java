package dev.catalog.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.Gtin;
import dev.catalog.domain.product.ProductCreated;
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
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract between the write side, which encodes events into the outbox, and every projection, which
 * decodes them from Kafka. The samples in src/test/resources/events/v&lt;N&gt; are the contract: one per event type
 * and schema version, from version 1 to the current one, so an event any release wrote stays readable.
 */
class EventCodecContractTest {

    private static final TenantId TENANT = new TenantId("acme");

    static Stream<String> eventTypes() {
        return Stream.of(ProductEvent.class, CategoryEvent.class, InventoryEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .map(Class::getSimpleName);
    }

    /** Every event type with every version it was ever written in. */
    static Stream<Arguments> versions() {
        return eventTypes().flatMap(type -> IntStream.rangeClosed(1, EventSchemas.CURRENT.currentVersion(type))
                .mapToObj(version -> Arguments.of(type, version)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_current_sample_of_every_type_decodes_and_encodes_back_unchanged(String eventType) throws Exception {
        int current = EventSchemas.CURRENT.currentVersion(eventType);
        String sample = sample(eventType, current);

        DomainEvent event = EventCodec.decode(eventType, current, TENANT, sample);
        EncodedEvent encoded = EventCodec.encode(event);

        assertThat(event.getClass().getSimpleName()).isEqualTo(eventType);
        assertThat(event.tenant()).isEqualTo(TENANT);
        assertThat(encoded.eventType()).isEqualTo(eventType);
        assertThat(encoded.schemaVersion()).isEqualTo(current);
        assertThat(Json.parse(encoded.payload())).isEqualTo(Json.parse(sample));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void every_version_of_every_type_reads_as_the_current_shape_of_the_same_event(String eventType, int version)
            throws Exception {
        String sample = sample(eventType, version);

        EncodedEvent encoded = EventCodec.encode(EventCodec.decode(eventType, version, TENANT, sample));

        assertThat(encoded.schemaVersion()).isEqualTo(EventSchemas.CURRENT.currentVersion(eventType));
        assertThat(Json.parse(encoded.payload())).isEqualTo(EventSchemas.CURRENT.upcast(eventType, version, Json.parse(sample)));
    }

    @Test
    void the_events_carrying_a_product_are_version_2_the_others_version_1() {
        assertThat(eventTypes().filter(type -> EventSchemas.CURRENT.currentVersion(type) == 2))
                .containsExactlyInAnyOrderElementsOf(ProductGtinAdded.PRODUCT_EVENTS);
        assertThat(Arrays.stream(ProductEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrderElementsOf(ProductGtinAdded.PRODUCT_EVENTS);
        assertThat(EventSchemas.CURRENT.currentVersion("CategoryCreated")).isEqualTo(1);
        assertThat(EventSchemas.CURRENT.currentVersion("StockLevelChanged")).isEqualTo(1);
    }

    @Test
    void a_product_written_by_version_1_has_no_gtin_and_version_2_carries_it() throws Exception {
        var old = (ProductCreated) EventCodec.decode("ProductCreated", 1, TENANT, sample("ProductCreated", 1));
        var current = (ProductCreated) EventCodec.decode("ProductCreated", 2, TENANT, sample("ProductCreated", 2));

        assertThat(old.product().gtin()).isNull();
        assertThat(current.product().gtin()).isEqualTo(new Gtin("4006381333931"));
        assertThat(current.product().sku()).isEqualTo(old.product().sku());
    }

    @Test
    void amounts_travel_as_exact_decimal_strings() throws Exception {
        var event = (ProductPriceChanged) EventCodec.decode("ProductPriceChanged", 2, TENANT, sample("ProductPriceChanged", 2));

        JsonNode payload = Json.parse(EventCodec.encode(event).payload());

        assertThat(payload.at("/product/price/amount").textValue()).isEqualTo("79.90");
        assertThat(payload.at("/previousPrice/amount").textValue()).isEqualTo("89.90");
    }

    @Test
    void a_property_added_by_a_newer_producer_is_ignored() throws Exception {
        String newer = sample("CategoryCreated", 1).replaceFirst("\\{", "{\"addedLater\": true,");

        assertThat(EventCodec.decode("CategoryCreated", 1, TENANT, newer)).isInstanceOf(CategoryEvent.class);
    }

    @Test
    void a_version_newer_than_this_code_is_not_poison_but_unknown_until_the_code_knows_it() throws Exception {
        String v3 = sample("ProductCreated", 2);

        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 3, TENANT, v3))
                .isInstanceOf(UnknownSchemaVersionException.class)
                .hasMessageContaining("schema version 3").hasMessageContaining("versions 1 to 2");

        // The release that knows version 3 has one more step, and the very same record reads.
        EventSchemas next = EventSchemas.CURRENT.and(new Upcaster(2, Set.of("ProductCreated"), payload -> { }));
        var read = (ProductCreated) EventCodec.decode(next, "ProductCreated", 3, TENANT, v3);
        assertThat(next.currentVersion("ProductCreated")).isEqualTo(3);
        assertThat(read.product().gtin()).isEqualTo(new Gtin("4006381333931"));
    }

    @Test
    void unknown_types_impossible_versions_and_broken_payloads_are_poison_with_a_reason() {
        assertThatThrownBy(() -> EventCodec.decode("ProductTeleported", 1, TENANT, "{}"))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("unknown event type ProductTeleported");
        assertThatThrownBy(() -> EventCodec.decode("ProductTeleported", 7, TENANT, "{}"))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("unknown event type ProductTeleported");
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 0, TENANT, sample("ProductCreated", 1)))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("schema version 0");
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 2, TENANT, "{\"product\": {\"id\": 1}}"))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 1, TENANT, "not json"))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 1, TENANT, "[1]"))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("ProductCreated", 2, TENANT,
                sample("ProductCreated", 2).replace("4006381333931", "4006381333932")))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("check digit");
        assertThatThrownBy(() -> EventCodec.decode("StockLevelChanged", 1, TENANT,
                sample("StockLevelChanged", 1).replace("\"BER-1\": 12", "\"BER-1\": -12")))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("never negative");
    }

    @Test
    void the_samples_cover_exactly_the_event_types_and_their_versions() throws IOException {
        List<String> types = eventTypes().toList();
        assertThat(types).hasSize(10);
        for (String type : types) {
            int current = EventSchemas.CURRENT.currentVersion(type);
            for (int version = 1; version <= current; version++) {
                assertThat(sample(type, version)).isNotBlank();
            }
            assertThat(EventCodecContractTest.class.getResource("/events/v" + (current + 1) + "/" + type + ".json"))
                    .as("no sample of a version this code does not write").isNull();
        }
    }

    static String sample(String eventType, int version) throws IOException {
        String path = "/events/v" + version + "/" + eventType + ".json";
        try (InputStream in = EventCodecContractTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
