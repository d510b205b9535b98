package dev.catalog.search.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;

class SearchSettingsTest {

    @Test
    void reads_a_local_node_without_authentication() {
        SearchSettings settings = settings(Map.of("OPENSEARCH_URL", "http://127.0.0.1:19200", "OPENSEARCH_AUTH", "none"));

        assertThat(settings.url()).isEqualTo(URI.create("http://127.0.0.1:19200"));
        assertThat(settings.authentication()).isEqualTo(SearchSettings.Authentication.NONE);
    }

    @Test
    void signs_for_the_region_lambda_runs_in() {
        SearchSettings settings = settings(Map.of("OPENSEARCH_URL", "https://search-catalog.eu-west-1.es.amazonaws.com",
                "OPENSEARCH_AUTH", "sigv4", "AWS_REGION", "eu-west-1"));

        assertThat(settings.authentication()).isEqualTo(SearchSettings.Authentication.SIGV4);
        assertThat(settings.region()).isEqualTo("eu-west-1");
    }

    @Test
    void names_the_missing_variable() {
        assertThatThrownBy(() -> settings(Map.of("OPENSEARCH_AUTH", "none"))).hasMessageContaining("OPENSEARCH_URL");
        assertThatThrownBy(() -> settings(Map.of("OPENSEARCH_URL", "http://127.0.0.1:19200"))).hasMessageContaining("OPENSEARCH_AUTH");
    }

    @Test
    void refuses_unknown_authentication_and_sigv4_without_a_region() {
        assertThatThrownBy(() -> settings(Map.of("OPENSEARCH_URL", "http://127.0.0.1:19200", "OPENSEARCH_AUTH", "basic")))
                .hasMessageContaining("OPENSEARCH_AUTH must be none or sigv4");
        assertThatThrownBy(() -> settings(Map.of("OPENSEARCH_URL", "https://search.example", "OPENSEARCH_AUTH", "sigv4")))
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void refuses_urls_it_cannot_use() {
        assertThatThrownBy(() -> settings(Map.of("OPENSEARCH_URL", "127.0.0.1:19200", "OPENSEARCH_AUTH", "none")))
                .hasMessageContaining("OPENSEARCH_URL");
        assertThatThrownBy(() -> settings(Map.of("OPENSEARCH_URL", "http://127.0.0.1:19200/search", "OPENSEARCH_AUTH", "none")))
                .hasMessageContaining("must not have a path");
    }

    @Test
    void builds_a_plain_client_locally_and_a_signing_client_in_aws() throws Exception {
        OpenSearchClient local = SearchClients.create(settings(Map.of("OPENSEARCH_URL", "http://127.0.0.1:19200", "OPENSEARCH_AUTH", "none")));
        OpenSearchClient aws = SearchClients.create(settings(Map.of("OPENSEARCH_URL", "https://search-catalog.eu-west-1.es.amazonaws.com",
                "OPENSEARCH_AUTH", "sigv4", "AWS_REGION", "eu-west-1")));
        try {
            assertThat(local._transport()).isInstanceOf(ApacheHttpClient5Transport.class);
            assertThat(aws._transport()).isInstanceOf(AwsSdk2Transport.class);
        } finally {
            local._transport().close();
            aws._transport().close();
        }
    }

    private static SearchSettings settings(Map<String, String> variables) {
        return SearchSettings.from(name -> Optional.ofNullable(variables.get(name)));
    }
}
