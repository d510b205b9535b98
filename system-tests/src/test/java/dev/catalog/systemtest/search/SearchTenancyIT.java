package dev.catalog.systemtest.search;

import static dev.catalog.systemtest.search.ProductDraft.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two tenants share the search indices; neither ever sees the other's products, facet values or cursors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTenancyIT {

    private final CatalogStack stack = CatalogStack.get();
    private final TenantSearch alpha = new TenantSearch(stack, Tenants.fresh("alpha"));
    private final TenantSearch zeta = new TenantSearch(stack, Tenants.fresh("zeta"));
    private String alphaShoes;
    private String zetaSlippers;

    @BeforeAll
    void catalogs() {
        TenantCatalog alphaCatalog = new TenantCatalog(stack, alpha.tenant());
        alphaShoes = alphaCatalog.category("Shoes", null);
        alphaCatalog.product(aProduct("ALP-1", "Alpine Boot").brand("Alpha Works").in(alphaShoes).attribute("color", "black"));
        alphaCatalog.product(aProduct("ALP-2", "Alpine Slipper").brand("Alpha Works").in(alphaShoes).attribute("color", "brown"));

        TenantCatalog zetaCatalog = new TenantCatalog(stack, zeta.tenant());
        zetaSlippers = zetaCatalog.category("Slippers", null);
        zetaCatalog.product(aProduct("ZAN-1", "Zanzibar Slipper").brand("Zeta Only").in(zetaSlippers).attribute("color", "ultraviolet"));
        zetaCatalog.product(aProduct("ZAN-2", "Zanzibar Sandal").brand("Zeta Only").in(zetaSlippers).attribute("color", "ultraviolet"));

        alpha.awaitTotal(2);
        zeta.awaitTotal(2);
    }

    @Test
    void a_tenant_never_finds_another_tenants_products() {
        assertThat(alpha.skus("q", "zanzibar")).isEmpty();
        assertThat(alpha.skus("q", "ZAN-1")).isEmpty();
        assertThat(alpha.skus("q", "slipper")).containsExactly("ALP-2");
        assertThat(zeta.skus("q", "slipper")).containsExactly("ZAN-1");
    }

    @Test
    void facets_hold_only_the_tenants_own_values() {
        Facets facets = Facets.of(alpha.page());

        assertThat(facets.total()).isEqualTo(2);
        assertThat(facets.brand()).containsOnlyKeys("Alpha Works");
        assertThat(facets.category()).containsOnlyKeys(alphaShoes);
        assertThat(facets.attributes().get("color")).containsOnlyKeys("black", "brown");
    }

    @Test
    void filtering_on_another_tenants_values_finds_nothing() {
        assertThat(alpha.page("brand", "Zeta Only").get("total").asLong()).isZero();
        assertThat(alpha.page("attr.color", "ultraviolet").get("total").asLong()).isZero();
        JsonNode inTheirCategory = alpha.page("category", zetaSlippers);
        assertThat(inTheirCategory.get("total").asLong()).isZero();
        assertThat(Facets.of(inTheirCategory).category()).containsOnlyKeys(alphaShoes);
    }

    @Test
    void another_tenants_cursor_is_refused() {
        String cursor = zeta.page("q", "zanzibar", "limit", "1").get("nextCursor").asText();

        ApiAnswer answer = alpha.answer("q", "zanzibar", "limit", "1", "cursor", cursor);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("cursor");
    }
}
