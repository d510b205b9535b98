package dev.catalog.search.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** Builds the opensearch-java client a function keeps for its execution environment. */
public final class SearchClients {

    /** A node that does not accept a connection this fast is down for our purposes: fail and let the caller retry. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Below the functions' 15 s timeout, so a hung call ends as an error the function handles, not a Lambda kill. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Service name OpenSearch Service domains are signed for. */
    private static final String SIGNING_SERVICE = "es";

    private SearchClients() {
    }

    public static OpenSearchClient fromEnvironment() {
        return create(SearchSettings.fromEnvironment());
    }

    public static OpenSearchClient create(SearchSettings settings) {
        OpenSearchTransport transport = switch (settings.authentication()) {
            case NONE -> plain(settings);
            case SIGV4 -> signed(settings);
        };
        return new OpenSearchClient(transport);
    }

    /**
     * The JSON mapping of requests and documents. Unknown properties in stored documents are ignored, so a newer
     * writer may add fields before every reader knows them; nulls are left out (the mapper's own setting).
     */
    static JacksonJsonpMapper mapper() {
        return new JacksonJsonpMapper(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    private static OpenSearchTransport plain(SearchSettings settings) {
        HttpHost host = new HttpHost(settings.url().getScheme(), settings.url().getHost(), port(settings));
        return ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(mapper())
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setSocketTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .setRequestConfigCallback(request -> request.setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .build();
    }

    private static OpenSearchTransport signed(SearchSettings settings) {
        // Credentials come from the default chain: the function's role in Lambda.
        return new AwsSdk2Transport(
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(RESPONSE_TIMEOUT)
                        .build(),
                settings.url().getHost(),
                SIGNING_SERVICE,
                Region.of(settings.region()),
                AwsSdk2TransportOptions.builder().setMapper(mapper()).build());
    }

    private static int port(SearchSettings settings) {
        int port = settings.url().getPort();
        if (port != -1) {
            return port;
        }
        return "https".equals(settings.url().getScheme()) ? 443 : 80;
    }
}
