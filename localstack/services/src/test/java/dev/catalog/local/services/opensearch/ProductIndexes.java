package dev.catalog.local.services.opensearch;

import static dev.catalog.local.services.opensearch.Product.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Product indices for the capability checks: english analysis with accent folding and synonyms, an edge-ngram
 * autocomplete sub-field, keyword facets and a scaled_float price, defined in JSON as index templates are.
 */
final class ProductIndexes {

    static final List<Product> CATALOG = List.of(
            aProduct("SKU-1", "Run Shoe", "Acme", "shoes", "89.90"),
            aProduct("SKU-2", "Trail Hiking Boot", "Peak", "shoes", "129.00"),
            aProduct("SKU-3", "Crème Brûlée Torch", "Chefco", "kitchen", "19.99"),
            aProduct("SKU-4", "Wireless Headphones", "Acme", "audio", "59.00"),
            aProduct("SKU-5", "Notebook Sleeve", "Peak", "accessories", "25.00"));

    private static final String DEFINITION = resource("products-index.json");

    private ProductIndexes() {
    }

    static void create(OpenSearchClient client, String index) throws IOException {
        try (Response response = client.generic().execute(
                Requests.builder().method("PUT").endpoint("/" + index).json(DEFINITION).build())) {
            assertThat(response.getStatus())
                    .as(() -> "creating " + index + ": " + response.getBody().map(body -> body.bodyAsString()).orElse(""))
                    .isEqualTo(200);
        }
    }

    static void load(OpenSearchClient client, String index, List<Product> products) throws IOException {
        BulkResponse response = client.bulk(bulk -> {
            bulk.index(index).refresh(Refresh.True);
            products.forEach(product -> bulk.operations(op -> op.index(doc -> doc.id(product.sku()).document(product))));
            return bulk;
        });
        assertThat(response.errors()).isFalse();
    }

    /** A new index holding {@link #CATALOG}, searchable at once. */
    static void createWithCatalog(OpenSearchClient client, String index) throws IOException {
        create(client, index);
        load(client, index, CATALOG);
    }

    private static String resource(String name) {
        try (InputStream in = ProductIndexes.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
