package dev.catalog.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProductSeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_create_request_is_the_same_json_every_time_so_a_rerun_replays_it() throws Exception {
        ProductSeed product = product(ProductSeed.Status.ACTIVE);

        assertThat(JSON.writeValueAsString(product.createRequest("c-1"))).isEqualTo("""
                {"sku":"FTW-AAAA-000003","name":"Aero Trail Running Shoe – Navy","description":"Grippy.","brand":"Stride",\
                "categoryId":"c-1","price":{"amount":"89.90","currency":"EUR"},"attributes":{"color":"navy","size":"EU 42"},\
                "status":"ACTIVE"}""");
    }

    @Test
    void a_discontinued_product_is_created_active_and_a_draft_as_a_draft() {
        assertThat(product(ProductSeed.Status.DISCONTINUED).createRequest(null)).containsEntry("status", "ACTIVE").doesNotContainKey("categoryId");
        assertThat(product(ProductSeed.Status.DRAFT).createRequest(null)).containsEntry("status", "DRAFT");
    }

    private static ProductSeed product(ProductSeed.Status status) {
        return new ProductSeed("t", 3, "FTW-AAAA-000003", "Aero Trail Running Shoe – Navy", "Grippy.", "Stride",
                "Footwear > Running Shoes", new BigDecimal("89.90"), "EUR", new TreeMap<>(Map.of("size", "EU 42", "color", "navy")),
                status, new TreeMap<>());
    }
}
