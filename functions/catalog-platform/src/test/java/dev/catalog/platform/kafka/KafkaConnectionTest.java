package dev.catalog.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void connects_in_plaintext_to_the_local_broker() {
        KafkaConnection connection = new KafkaConnection("127.0.0.1:19092", KafkaConnection.Authentication.NONE);

        assertThat(connection.clientProperties()).containsExactly(Map.entry("bootstrap.servers", "127.0.0.1:19092"));
    }

    @Test
    void signs_in_with_the_functions_role_on_msk() {
        KafkaConnection connection = new KafkaConnection("b-1.catalog.kafka.eu-west-1.amazonaws.com:9098",
                KafkaConnection.Authentication.parse("IAM", "KAFKA_AUTH"));

        assertThat(connection.clientProperties())
                .containsEntry("bootstrap.servers", "b-1.catalog.kafka.eu-west-1.amazonaws.com:9098")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }

    @Test
    void names_the_variable_of_an_unknown_authentication() {
        assertThatThrownBy(() -> KafkaConnection.Authentication.parse("scram", "KAFKA_AUTH"))
                .hasMessage("KAFKA_AUTH must be none or iam, not scram");
        assertThatThrownBy(() -> new KafkaConnection(" ", KafkaConnection.Authentication.NONE))
                .hasMessage("KAFKA_BOOTSTRAP_SERVERS is empty");
    }
}
