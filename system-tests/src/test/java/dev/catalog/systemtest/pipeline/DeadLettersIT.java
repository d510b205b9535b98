package dev.catalog.systemtest.pipeline;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.deadletters.DeadLetter;
import dev.catalog.local.deadletters.DeadLetterReplay;
import dev.catalog.local.deadletters.DeadLetterTopic;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dead letters as an operator sees them: counted in the status, listed with what they were and why they were
 * refused, and sent back through the projection that refused them (here still poison, so refused again, with the
 * same reason: the round trip an operator makes after a fix).
 */
class DeadLettersIT {

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void a_poison_record_is_counted_listed_and_replayed_through_its_projection() {
        String tenant = Tenants.fresh("letters");
        String id = stack.overHttp(ApiCall.to("POST /products").tenant(tenant).json(product(uniqueSku()))).id();
        String key = tenant + ":" + id;
        stack.topics().publish(CatalogTopics.EVENTS, key, "{\"product\": {\"id\": \"" + id + "\"}}", Map.of(
                "event_id", "\"0d9f5f36-0a8c-4b5e-9f0e-3b7d2c1a0001\"", "event_type", "\"ProductTeleported\"",
                "schema_version", "1", "sequence", "1", "aggregate_type", "\"product\"", "aggregate_id", "\"" + id + "\"",
                "aggregate_version", "2", "tenant_id", "\"" + tenant + "\"", "occurred_at", "\"2026-03-01T10:00:00.000000Z\""));
        DeadLetterTopic topic = new DeadLetterTopic(stack.stack().kafkaBootstrapServers());

        await().atMost(Duration.ofSeconds(60)).until(() -> lettersOf(topic, tenant).size() == 2);
        List<DeadLetter> letters = lettersOf(topic, tenant);

        assertThat(letters).extracting(DeadLetter::projection).containsExactlyInAnyOrder("detail", "search");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.eventType()).isEqualTo("ProductTeleported");
            assertThat(letter.aggregate()).isEqualTo("product " + id);
            assertThat(letter.reason()).contains("unknown event type ProductTeleported");
            assertThat(letter.origin()).get().extracting(DeadLetter.Origin::topic).isEqualTo(CatalogTopics.EVENTS);
            assertThat(letter.at()).isPresent();
        });
        assertThat(stack.stack().status().deadLetters()).isGreaterThanOrEqualTo(2L);

        DeadLetter detail = letters.stream().filter(letter -> letter.projection().equals("detail")).findFirst().orElseThrow();
        try (DeadLetterReplay replay = new DeadLetterReplay(stack.stack().awsEndpoint().url(), stack.stack().kafkaBootstrapServers())) {
            List<DeadLetterReplay.Outcome> outcomes = replay.replay(List.of(detail));

            assertThat(outcomes).singleElement().satisfies(outcome -> {
                assertThat(outcome.function()).isEqualTo("DetailProjectionFunction");
                assertThat(outcome.failed()).as(outcome.answer()).isFalse();
            });
        }
        // Still poison: refused again by the detail projection, with the same reason, from the same origin.
        await().atMost(Duration.ofSeconds(60)).until(() -> lettersOf(topic, tenant).size() == 3);
        DeadLetter again = lettersOf(topic, tenant).getLast();
        assertThat(again.projection()).isEqualTo("detail");
        assertThat(again.reason()).isEqualTo(detail.reason());
        assertThat(again.source()).isEqualTo(detail.source());
        assertThat(again.value()).isEqualTo(detail.value());
    }

    private static List<DeadLetter> lettersOf(DeadLetterTopic topic, String tenant) {
        return topic.read().stream().filter(letter -> letter.tenant().equals(tenant)).toList();
    }
}
