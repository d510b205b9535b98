package dev.catalog.search.testing;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;
import dev.catalog.local.services.opensearch.OpenSearchNode;
import dev.catalog.local.services.opensearch.OpenSearchSettings;
import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import java.io.IOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * One real OpenSearch node for all integration tests of a test run: started on free ports by the first test
 * class that asks for it (10-25 s), stopped by JUnit when the run ends, whether the tests passed or not. Test
 * classes get an {@link OpenSearchClient} built by the production factory, or a {@link SearchNode}, as
 * parameters of their {@code @BeforeAll} methods.
 *
 * <p>The node lives in its own directory below {@code catalog.it.stack.dir} (left there for its log) and runs
 * the distribution in {@code catalog.dist.dir}; Maven sets both.
 */
public final class OpenSearchExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSearchExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        node(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OpenSearchClient.class || type == SearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SearchNode node = node(context);
        return parameter.getParameter().getType() == SearchNode.class ? node : node.client();
    }

    private static SearchNode node(ExtensionContext context) {
        // The root store lives as long as the whole run and closes what it holds at its end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SearchNode.class, key -> SearchNode.start(), SearchNode.class);
    }

    /** The running node, and a client of it. */
    public static final class SearchNode implements AutoCloseable {

        private final OpenSearchNode node;
        private final OpenSearchClient client;

        private SearchNode(OpenSearchNode node, OpenSearchClient client) {
            this.node = node;
            this.client = client;
        }

        static SearchNode start() {
            OpenSearchNode node = OpenSearchNode.start(
                    OpenSearchSettings.forStack(TestStackLayout.create("opensearch"), FreePorts.next(), FreePorts.next()));
            return new SearchNode(node, SearchClients.create(
                    new SearchSettings(node.baseUri(), SearchSettings.Authentication.NONE, null)));
        }

        public OpenSearchClient client() {
            return client;
        }

        public java.net.URI baseUri() {
            return node.baseUri();
        }

        @Override
        public void close() throws IOException {
            try {
                client._transport().close();
            } finally {
                node.stop();
            }
        }
    }
}
