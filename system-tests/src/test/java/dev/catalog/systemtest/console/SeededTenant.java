package dev.catalog.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.seed.CatalogGenerator;
import dev.catalog.local.seed.CatalogSeeder;
import dev.catalog.local.seed.SeedPlan;
import dev.catalog.local.seed.SeedProgress;
import dev.catalog.local.seed.SeedReport;
import dev.catalog.local.seed.Vocabulary;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.List;

/**
 * A tenant of its own with a realistic catalog (categories a few levels deep, brands, attributes, prices, statuses,
 * stock in several warehouses), created through the HTTP API by the same seeder as {@code ./catalog seed}, and
 * searchable before the tests look at it.
 */
final class SeededTenant {

    private final CatalogStack stack;
    private final String tenant;

    private SeededTenant(CatalogStack stack, String tenant) {
        this.stack = stack;
        this.tenant = tenant;
    }

    static SeededTenant create(CatalogStack stack, String name, int products) {
        String tenant = Tenants.fresh(name);
        CatalogGenerator generator = new CatalogGenerator(Vocabulary.standard(), new SeedPlan(7, products, List.of(tenant)));
        try {
            SeedReport report = new CatalogSeeder(new CatalogClient(stack.apiUrl(), stack::token), 6).seed(generator, SeedProgress.NONE);
            assertThat(report.failed()).as("products the seeder could not create: " + report.failures()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while seeding", e);
        }
        SeededTenant seeded = new SeededTenant(stack, tenant);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> seeded.search().path("total").asLong() == products);
        return seeded;
    }

    String tenant() {
        return tenant;
    }

    /** GET /products/search with these parameters (name, value, name, value...), answered 200. */
    JsonNode search(String... parameters) {
        ApiAnswer answer = stack.overHttp(searchCall(parameters));
        assertThat(answer.status()).as("search answered " + answer).isEqualTo(200);
        return answer.json();
    }

    /** GET /products/search with these parameters, whatever it answered. */
    ApiAnswer searchAnswer(String... parameters) {
        return stack.overHttp(searchCall(parameters));
    }

    JsonNode product(String id) {
        ApiAnswer answer = stack.overHttp(ApiCall.to("GET /products/{id}").with("id", id).tenant(tenant));
        assertThat(answer.status()).as("GET /products/" + id + " answered " + answer).isEqualTo(200);
        return answer.json();
    }

    private ApiCall searchCall(String... parameters) {
        ApiCall call = ApiCall.to("GET /products/search").tenant(tenant);
        for (int i = 0; i < parameters.length; i += 2) {
            call.query(parameters[i], parameters[i + 1]);
        }
        return call;
    }
}
