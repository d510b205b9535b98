package dev.catalog.command.category;

import static dev.catalog.command.testing.CommandFunctions.API;
import static dev.catalog.command.testing.CommandFunctions.call;
import static dev.catalog.command.testing.CommandFunctions.events;
import static dev.catalog.command.testing.CommandFunctions.newTenant;
import static dev.catalog.command.testing.CommandFunctions.query;
import static dev.catalog.command.testing.CommandFunctions.writeModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.command.testing.Answer;
import dev.catalog.command.testing.SampleRequest;
import dev.catalog.domain.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The category functions, each fed its sample event from events/, on a real PostgreSQL. */
class CategoryFunctionsTest {

    private final CreateCategoryFunction create = new CreateCategoryFunction(API.categories(), API.ids());
    private final UpdateCategoryFunction update = new UpdateCategoryFunction(API.categories());
    private final TenantId tenant = newTenant();

    @Test
    void the_samples_create_a_category_and_rename_it() {
        Answer created = call(create, sample("CreateCategoryFunction"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/categories/" + created.id());

        Answer renamed = call(update, sample("UpdateCategoryFunction").id(created.id()));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(nameAndParent(created.id())).isEqualTo("Trail Running, a root");
        assertThat(events(tenant, created.id())).containsExactly("CategoryCreated v1", "CategoryRenamed v2");
    }

    @Test
    void a_rename_and_a_move_in_one_request_are_two_events_and_two_versions() {
        String garden = create("Garden", null);
        String shoes = create("Shoes", null);

        Answer changed = call(update, sample("UpdateCategoryFunction").id(shoes)
                .body("{\"name\": \"Garden shoes\", \"parentId\": \"" + garden + "\"}"));

        assertThat(changed.version()).isEqualTo(3);
        assertThat(events(tenant, shoes)).containsExactly("CategoryCreated v1", "CategoryRenamed v2", "CategoryMoved v3");
        assertThat(nameAndParent(shoes)).isEqualTo("Garden shoes, under " + garden);
    }

    @Test
    void a_move_below_its_own_subtree_is_refused_with_the_rename_that_came_with_it() {
        String clothing = create("Clothing", null);
        String shoes = create("Shoes", clothing);
        List<String> before = writeModel(tenant);

        Answer refused = call(update, sample("UpdateCategoryFunction").id(clothing)
                .body("{\"name\": \"Apparel\", \"parentId\": \"" + shoes + "\"}"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("category_cycle");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void the_tree_is_at_most_ten_levels_deep_counting_what_a_move_brings_along() {
        String parent = null;
        List<String> chain = new java.util.ArrayList<>();
        for (int level = 1; level <= 10; level++) {
            parent = create("Level-" + level, parent);
            chain.add(parent);
        }
        String top = create("Top", null);
        create("Below-top", create("Middle", top));  // a subtree of three levels
        List<String> before = writeModel(tenant);

        Answer eleventh = call(create, sample("CreateCategoryFunction")
                .body("{\"name\": \"Level 11\", \"parentId\": \"" + chain.get(9) + "\"}"));
        Answer tooLow = call(update, sample("UpdateCategoryFunction").id(top)
                .body("{\"parentId\": \"" + chain.get(7) + "\"}"));  // its third level would be level 11

        assertThat(eleventh.status()).as(eleventh.toString()).isEqualTo(422);
        assertThat(eleventh.code()).isEqualTo("category_too_deep");
        assertThat(tooLow.status()).as(tooLow.toString()).isEqualTo(422);
        assertThat(tooLow.code()).isEqualTo("category_too_deep");
        assertThat(writeModel(tenant)).isEqualTo(before);
        Answer fits = call(update, sample("UpdateCategoryFunction").id(top).body("{\"parentId\": \"" + chain.get(6) + "\"}"));
        assertThat(fits.status()).as(fits.toString()).isEqualTo(200);
    }

    @Test
    void a_category_can_become_a_root_again() {
        String clothing = create("Clothing", null);
        String shoes = create("Shoes", clothing);

        Answer moved = call(update, sample("UpdateCategoryFunction").id(shoes).body("{\"parentId\": null}"));

        assertThat(moved.version()).isEqualTo(2);
        assertThat(nameAndParent(shoes)).isEqualTo("Shoes, a root");
    }

    @Test
    void a_sibling_with_the_same_name_in_other_letters_is_a_conflict_and_writes_nothing() {
        String clothing = create("Clothing", null);
        create("Shoes", clothing);
        List<String> before = writeModel(tenant);

        Answer duplicate = call(create, sample("CreateCategoryFunction").idempotencyKey("second-shoes")
                .body("{\"name\": \"SHOES\", \"parentId\": \"" + clothing + "\"}"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("category_name_taken");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_parent_must_exist_in_the_callers_tenant() {
        String elsewhere = call(create, SampleRequest.of("CreateCategoryFunction").tenant(newTenant())).id();

        Answer refused = call(create, sample("CreateCategoryFunction").body("{\"name\": \"Shoes\", \"parentId\": \"" + elsewhere + "\"}"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("category_not_found");
        assertThat(writeModel(tenant)).isEmpty();
    }

    @Test
    void a_create_repeated_with_its_idempotency_key_replays_the_first_answer_and_writes_nothing() {
        Answer first = call(create, sample("CreateCategoryFunction"));
        List<String> before = writeModel(tenant);

        Answer again = call(create, sample("CreateCategoryFunction"));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_change_of_a_category_that_does_not_exist_is_a_404() {
        Answer missing = call(update, sample("UpdateCategoryFunction").id(UUID.randomUUID()));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("not_found");
    }

    @Test
    void a_change_decided_on_a_stale_version_is_a_412_and_writes_nothing() {
        String running = create("Running", null);
        List<String> before = writeModel(tenant);

        Answer stale = call(update, sample("UpdateCategoryFunction").id(running).ifMatch(2));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_mismatch");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    private String create(String name, String parentId) {
        String parent = parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"";
        Answer created = call(create, sample("CreateCategoryFunction").idempotencyKey("create-" + name)
                .body("{\"name\": \"" + name + "\"" + parent + "}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private String nameAndParent(String id) {
        return query("select name || ', ' || coalesce('under ' || parent_id, 'a root') from category where tenant_id = ? and id = ?::uuid",
                tenant.value(), id).getFirst();
    }

    private SampleRequest sample(String function) {
        return SampleRequest.of(function).tenant(tenant);
    }
}
