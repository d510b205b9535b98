package dev.catalog.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void connects_in_plaintext_to_the_local_broker() {
        KafkaConnection connection = from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092", "KAFKA_AUTH", "none"));

        assertThat(connection.clientProperties()).containsExactly(Map.entry("bootstrap.servers", "127.0.0.1:19092"));
    }

    @Test
    void signs_in_with_the_functions_role_on_msk() {
        KafkaConnection connection = from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b-1.catalog.kafka.eu-west-1.amazonaws.com:9098", "KAFKA_AUTH", "IAM"));

        assertThat(connection.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }

    @Test
    void names_a_missing_or_unknown_setting() {
        assertThatThrownBy(() -> from(Map.of("KAFKA_AUTH", "iam"))).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9098"))).hasMessageContaining("KAFKA_AUTH");
        assertThatThrownBy(() -> from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9096", "KAFKA_AUTH", "scram")))
                .hasMessage("KAFKA_AUTH must be none or iam, not scram");
    }

    private static KafkaConnection from(Map<String, String> variables) {
        return KafkaConnection.from(name -> Optional.ofNullable(variables.get(name)));
    }
}
