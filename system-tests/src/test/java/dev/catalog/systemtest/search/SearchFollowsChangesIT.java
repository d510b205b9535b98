package dev.catalog.systemtest.search;

import static dev.catalog.systemtest.search.ProductDraft.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands change products, stock and categories; search results and facets follow through the pipeline. */
class SearchFollowsChangesIT {

    private final CatalogStack stack = CatalogStack.get();
    private TenantCatalog catalog;
    private TenantSearch search;
    private String clothing;
    private String shoes;
    private String boot;

    @BeforeEach
    void catalog() {
        String tenant = Tenants.fresh("changes");
        catalog = new TenantCatalog(stack, tenant);
        search = new TenantSearch(stack, tenant);
        clothing = catalog.category("Clothing", null);
        shoes = catalog.category("Shoes", clothing);
        boot = catalog.product(aProduct("BOOT-1", "Trail Boot").brand("Stride").in(shoes).price("89.90", "EUR"));
        catalog.product(aProduct("SOCK-2", "Wool Socks").brand("Stride").in(clothing).price("12.50", "EUR"));
        search.awaitTotal(2);
    }

    @Test
    void a_price_change_moves_the_product_between_price_filters_and_buckets() {
        catalog.reprice(boot, 1, "19.90", "EUR");

        search.awaitPage(page -> assertThat(TenantSearch.items(page)).extracting(item -> item.at("/price/amount").asText())
                .containsExactly("19.90"), "q", "BOOT-1");
        assertThat(search.skus("minPrice", "15", "maxPrice", "20")).containsExactly("BOOT-1");
        assertThat(search.skus("minPrice", "50")).isEmpty();
        Facets facets = Facets.of(search.page());
        assertThat(facets.price()).containsEntry("10", 2L).containsEntry("50", 0L);
    }

    @Test
    void stock_changes_move_the_product_in_and_out_of_stock() {
        catalog.stock(boot, "BER-1", 5);

        search.awaitPage(page -> assertThat(TenantSearch.skus(page)).containsExactly("BOOT-1"), "inStock", "true");
        assertThat(search.item("BOOT-1").orElseThrow().get("stockTotal").asLong()).isEqualTo(5);
        assertThat(Facets.of(search.page()).inStock()).containsEntry(true, 1L).containsEntry(false, 1L);

        catalog.stock(boot, "BER-1", 0);

        search.awaitPage(page -> assertThat(TenantSearch.skus(page)).isEmpty(), "inStock", "true");
        assertThat(search.skus("inStock", "false")).containsExactlyInAnyOrder("BOOT-1", "SOCK-2");
        assertThat(Facets.of(search.page()).inStock()).containsEntry(true, 0L).containsEntry(false, 2L);
    }

    @Test
    void a_category_rename_shows_in_results_paths_and_facets() {
        catalog.renameCategory(clothing, 1, "Apparel");
        catalog.renameCategory(shoes, 1, "Footwear");

        search.awaitPage(page -> {
            JsonNode item = TenantSearch.items(page).getFirst();
            assertThat(item.at("/category/name").asText()).isEqualTo("Footwear");
            assertThat(item.at("/category/path")).extracting(node -> node.get("name").asText()).containsExactly("Apparel", "Footwear");
        }, "q", "BOOT-1");
        JsonNode categories = search.page().at("/facets/category");
        assertThat(categories).extracting(count -> count.get("name").asText() + "=" + count.get("count").asLong())
                .containsExactly("Apparel=2", "Footwear=1");
        assertThat(search.skus("category", clothing)).containsExactlyInAnyOrder("BOOT-1", "SOCK-2");
    }

    @Test
    void a_product_moved_to_another_category_leaves_the_old_one() {
        String outdoor = catalog.category("Outdoor", null);

        catalog.fileUnder(boot, 1, outdoor);

        search.awaitPage(page -> assertThat(TenantSearch.skus(page)).containsExactly("BOOT-1"), "category", outdoor);
        assertThat(search.skus("category", clothing)).containsExactly("SOCK-2");
    }

    @Test
    void a_renamed_product_is_found_by_its_new_name_only() {
        catalog.rename(boot, 1, "Mountain Hiker");

        search.awaitPage(page -> assertThat(TenantSearch.skus(page)).containsExactly("BOOT-1"), "q", "mountain");
        assertThat(search.skus("q", "trail")).isEmpty();
    }
}
