package dev.catalog.local.services.opensearch;

import java.net.URI;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** opensearch-java clients for a node the tests started; close them with {@code client._transport().close()}. */
final class OpenSearchClients {

    private OpenSearchClients() {
    }

    static OpenSearchClient connectTo(OpenSearchNode node) {
        URI uri = node.baseUri();
        return new OpenSearchClient(ApacheHttpClient5TransportBuilder
                .builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
                .setMapper(new JacksonJsonpMapper())
                .build());
    }
}
