package dev.catalog.local.services.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.Refresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class OpenSearchNodeIT {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchNodeIT.class);

    @Test
    void starts_green_as_a_non_root_child_in_its_own_directory_and_stops_without_a_trace() throws IOException {
        OpenSearchSettings settings = settingsForNewStack("opensearch-lifecycle");

        Instant launched = Instant.now();
        OpenSearchNode node = OpenSearchNode.start(settings);
        ProcessHandle process = ProcessHandle.of(node.pid()).orElseThrow();
        try {
            logFootprint("fresh start", launched, node);
            OpenSearchClient client = OpenSearchClients.connectTo(node);
            try {
                assertThat(client.cluster().health().status()).isEqualTo(HealthStatus.Green);
            } finally {
                client._transport().close();
            }
            assertThat(ProcessHandle.current().children()).contains(process);
            assertThat(process.info().user()).hasValueSatisfying(user -> assertThat(user).isNotEqualTo("root"));
            assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(node.pid()), "cwd")))
                    .isEqualTo(settings.nodeDir());
        } finally {
            node.stop();
        }

        assertThat(process.isAlive()).isFalse();
        assertThat(settings.pidFile()).doesNotExist();
    }

    @Test
    void keeps_its_documents_across_a_restart() throws IOException {
        OpenSearchSettings settings = settingsForNewStack("opensearch-restart");
        Product product = ProductIndexes.CATALOG.getFirst();

        try (OpenSearchNode node = OpenSearchNode.start(settings)) {
            OpenSearchClient client = OpenSearchClients.connectTo(node);
            try {
                ProductIndexes.create(client, "kept");
                ProductIndexes.load(client, "kept", List.of(product));
            } finally {
                client._transport().close();
            }
        }

        Instant relaunched = Instant.now();
        try (OpenSearchNode node = OpenSearchNode.start(settings)) {
            logFootprint("restart on existing data", relaunched, node);
            OpenSearchClient client = OpenSearchClients.connectTo(node);
            try {
                var stored = client.get(get -> get.index("kept").id(product.sku()).refresh(true), Product.class);
                assertThat(stored.found()).isTrue();
                assertThat(stored.source().name()).isEqualTo(product.name());
            } finally {
                client._transport().close();
            }
        }
    }

    private static OpenSearchSettings settingsForNewStack(String name) {
        return OpenSearchSettings.forStack(TestStackLayout.create(name), FreePorts.next(), FreePorts.next());
    }

    /** Startup time and resident memory, for the record (the notes quote them). */
    private static void logFootprint(String what, Instant launched, OpenSearchNode node) throws IOException {
        String rss = Files.readAllLines(Path.of("/proc", Long.toString(node.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .findFirst().orElse("VmRSS: unknown");
        log.info("OpenSearch {}: green after {} ms, {}", what, Duration.between(launched, Instant.now()).toMillis(), rss);
    }
}
