package dev.catalog.systemtest.search;

import static dev.catalog.systemtest.search.ProductDraft.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Full text through the whole pipeline: products created with the command API, searched with the query API, on
 * the index definitions of infra/opensearch (english_folded, folded, autocomplete, the SKU normalizer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullTextSearchIT {

    private final CatalogStack stack = CatalogStack.get();
    private final TenantSearch search = new TenantSearch(stack, Tenants.fresh("text"));

    @BeforeAll
    void catalog() {
        TenantCatalog catalog = new TenantCatalog(stack, search.tenant());
        String shoes = catalog.category("Shoes", null);
        String audio = catalog.category("Audio", null);
        List<ProductDraft> products = List.of(
                aProduct("TRL-100", "Trail Run Shoe").brand("Stride").in(shoes).description("Grippy shoe for muddy trails."),
                aProduct("RD-200", "Road Running Shoes").brand("Stride").in(shoes).description("Cushioned for daily training."),
                aProduct("CRM-300", "Crème Hydratante").brand("Belle Époque").description("Rich moisturizing cream for dry skin."),
                aProduct("CAF-400", "Café au Lait Bowl").brand("Café Olé").description("Stoneware bowl, hand glazed."),
                aProduct("HDP-200", "Wireless Noise-Cancelling Headphones").brand("Sonique").in(audio)
                        .description("Thirty hours of battery life."),
                aProduct("PAD-500", "Ear Pads for HDP-200 Headphones").brand("Sonique").in(audio)
                        .description("Replacement cushions that fit the HDP-200 and the HDP-300."),
                aProduct("SPK-700", "Portable Bluetooth Speaker").brand("Sonique").in(audio)
                        .description("Splash proof, twelve hours of music."));
        products.forEach(catalog::product);
        search.awaitTotal(products.size());
    }

    @Test
    void running_shoes_finds_other_forms_of_the_words() {
        assertThat(search.names("q", "running shoes")).containsExactlyInAnyOrder("Trail Run Shoe", "Road Running Shoes");
        assertThat(search.names("q", "shoe")).containsExactlyInAnyOrder("Trail Run Shoe", "Road Running Shoes");
    }

    @Test
    void accents_need_not_be_typed_and_other_accents_still_match() {
        assertThat(search.names("q", "creme")).containsExactly("Crème Hydratante");
        assertThat(search.names("q", "CRÈME hydratante")).containsExactly("Crème Hydratante");
        assertThat(search.names("q", "cafe au lait")).containsExactly("Café au Lait Bowl");
        assertThat(search.names("q", "épOque")).containsExactly("Crème Hydratante");
    }

    @Test
    void typos_are_forgiven() {
        assertThat(search.names("q", "hedphones")).contains("Wireless Noise-Cancelling Headphones", "Ear Pads for HDP-200 Headphones");
        assertThat(search.names("q", "wireles headphnes")).containsExactly("Wireless Noise-Cancelling Headphones");
        assertThat(search.names("q", "runing")).contains("Road Running Shoes");
        assertThat(search.names("q", "speakr")).containsExactly("Portable Bluetooth Speaker");
    }

    @Test
    void an_exact_sku_ranks_its_product_first_whatever_the_case() {
        assertThat(search.skus("q", "HDP-200")).startsWith("HDP-200").contains("PAD-500");
        assertThat(search.skus("q", "hdp-200")).startsWith("HDP-200");
        assertThat(search.skus("q", "PAD-500")).startsWith("PAD-500");
    }

    @Test
    void prefixes_complete_words_as_the_user_types() {
        assertThat(search.names("q", "headph")).containsExactlyInAnyOrder("Wireless Noise-Cancelling Headphones", "Ear Pads for HDP-200 Headphones");
        assertThat(search.names("q", "wirel noise")).containsExactly("Wireless Noise-Cancelling Headphones");
        assertThat(search.names("q", "port blue")).containsExactly("Portable Bluetooth Speaker");
        assertThat(search.names("q", "cr")).containsExactly("Crème Hydratante");
    }

    @Test
    void words_match_only_where_they_occur() {
        assertThat(search.names("q", "running shoes")).doesNotContain("Crème Hydratante", "Portable Bluetooth Speaker");
        assertThat(search.page("q", "tent").get("total").asLong()).isZero();
    }

    @Test
    void matched_words_are_highlighted() {
        JsonNode creme = TenantSearch.items(search.page("q", "creme")).getFirst();
        JsonNode trail = TenantSearch.items(search.page("q", "muddy trails")).getFirst();

        assertThat(creme.at("/highlights/name/0").asText()).isEqualTo("<em>Crème</em> Hydratante");
        assertThat(trail.at("/highlights/description/0").asText()).isEqualTo("Grippy shoe for <em>muddy</em> <em>trails</em>.");
    }
}
