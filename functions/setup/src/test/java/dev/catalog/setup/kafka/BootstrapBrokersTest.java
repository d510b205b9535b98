package dev.catalog.setup.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BootstrapBrokersTest {

    private static final String CLUSTER = "arn:aws:kafka:eu-west-1:000000000000:cluster/catalog-dev-kafka/1";

    @Test
    void reads_the_rest_apis_camel_case_answer() {
        BootstrapBrokers brokers = BootstrapBrokers.parse("""
                {"bootstrapBrokerStringSaslIam":"b-1.c.kafka.eu-west-1.amazonaws.com:9098,b-2.c.kafka.eu-west-1.amazonaws.com:9098",
                 "bootstrapBrokerStringSaslScram":"b-1.c.kafka.eu-west-1.amazonaws.com:9096,b-2.c.kafka.eu-west-1.amazonaws.com:9096"}""",
                CLUSTER);

        assertThat(brokers.saslIam()).endsWith(":9098");
        assertThat(brokers.saslScram()).startsWith("b-1.c.kafka.eu-west-1.amazonaws.com:9096,");
    }

    @Test
    void reads_the_sdks_pascal_case_spelling_too() {
        BootstrapBrokers brokers = BootstrapBrokers.parse(
                "{\"BootstrapBrokerStringSaslIam\":\"b-1:9098\",\"BootstrapBrokerStringSaslScram\":\"b-1:9096\"}", CLUSTER);

        assertThat(brokers).isEqualTo(new BootstrapBrokers("b-1:9098", "b-1:9096"));
    }

    @Test
    void says_which_authentication_the_cluster_lacks() {
        assertThatThrownBy(() -> BootstrapBrokers.parse("{\"bootstrapBrokerStringSaslIam\":\"b-1:9098\"}", CLUSTER))
                .hasMessage("MSK cluster " + CLUSTER + " has no SASL/SCRAM bootstrap brokers: is SASL/SCRAM "
                        + "authentication enabled on it?");
    }
}
