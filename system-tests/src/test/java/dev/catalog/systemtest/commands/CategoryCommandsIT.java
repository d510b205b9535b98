package dev.catalog.systemtest.commands;

import static dev.catalog.systemtest.support.Bodies.category;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryCommandsIT {

    private final CatalogStack stack = CatalogStack.get();
    private String tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Tenants.fresh("categories");
    }

    @Test
    void a_tree_is_built_by_creating_roots_and_children() {
        ApiAnswer clothing = create(category("Clothing"));
        ApiAnswer shoes = create(category("Shoes", clothing.id()));

        assertThat(clothing.status()).isEqualTo(201);
        assertThat(clothing.header("Location")).hasValue("/categories/" + clothing.id());
        assertThat(shoes.status()).isEqualTo(201);
        assertThat(stack.db().text("select parent_id::text from category where id = ?::uuid", shoes.id())).isEqualTo(clothing.id());
        assertThat(stack.db().texts("select event_type from outbox where tenant_id = ? order by sequence", tenant))
                .containsExactly("CategoryCreated", "CategoryCreated");
    }

    @Test
    void renaming_and_moving_in_one_request_records_two_events() {
        String clothing = create(category("Clothing")).id();
        String garden = create(category("Garden")).id();
        String shoes = create(category("Shoes", clothing)).id();

        ApiAnswer changed = update(shoes, 1, "{\"name\": \"Garden Shoes\", \"parentId\": \"" + garden + "\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.version()).isEqualTo(3);
        assertThat(changed.header("ETag")).hasValue("\"3\"");
        assertThat(stack.db().texts("select event_type from outbox where aggregate_id = ? order by sequence", shoes))
                .containsExactly("CategoryCreated", "CategoryRenamed", "CategoryMoved");
    }

    @Test
    void a_category_can_become_a_root_again() {
        String clothing = create(category("Clothing")).id();
        String shoes = create(category("Shoes", clothing)).id();

        ApiAnswer moved = update(shoes, 1, "{\"parentId\": null}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(stack.db().text("select parent_id::text from category where id = ?::uuid", shoes)).isNull();
    }

    @Test
    void sibling_names_are_unique_ignoring_case() {
        String clothing = create(category("Clothing")).id();
        create(category("Shoes", clothing));
        String boots = create(category("Boots", clothing)).id();

        ApiAnswer sameName = create(category("SHOES", clothing));
        ApiAnswer renamedOnto = update(boots, 1, "{\"name\": \"shoes\"}");
        ApiAnswer elsewhere = create(category("Shoes"));

        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.code()).isEqualTo("category_name_taken");
        assertThat(renamedOnto.status()).as("refused by the database constraint after the aggregate accepted").isEqualTo(409);
        assertThat(renamedOnto.code()).isEqualTo("category_name_taken");
        assertThat(stack.db().count("select count(*) from outbox where aggregate_id = ?", boots)).as("no event for the refused rename").isOne();
        assertThat(elsewhere.status()).as("the same name under another parent").isEqualTo(201);
    }

    @Test
    void root_names_are_unique_too() {
        create(category("Clothing"));

        assertThat(create(category("clothing")).code()).isEqualTo("category_name_taken");
    }

    @Test
    void a_category_cannot_move_below_itself() {
        String clothing = create(category("Clothing")).id();
        String shoes = create(category("Shoes", clothing)).id();
        String boots = create(category("Boots", shoes)).id();

        ApiAnswer underDescendant = update(clothing, 1, "{\"parentId\": \"" + boots + "\"}");
        ApiAnswer underItself = update(shoes, 1, "{\"parentId\": \"" + shoes + "\"}");

        assertThat(underDescendant.status()).isEqualTo(422);
        assertThat(underDescendant.code()).isEqualTo("category_cycle");
        assertThat(underItself.code()).isEqualTo("category_cycle");
        assertThat(stack.db().text("select parent_id::text from category where id = ?::uuid", clothing)).isNull();
    }

    @Test
    void a_parent_must_exist_in_the_callers_tenant() {
        String foreign = stack.call("CreateCategoryFunction", ApiCall.to("POST /categories").tenant(Tenants.fresh("other"))
                .json(category("Foreign"))).id();

        ApiAnswer child = create(category("Child", foreign));

        assertThat(child.status()).isEqualTo(422);
        assertThat(child.code()).isEqualTo("category_not_found");
        assertThat(child.json().at("/errors/0/field").asText()).isEqualTo("parentId");
    }

    @Test
    void an_unknown_category_answers_404() {
        ApiAnswer answer = update("5b0c3b7e-1f7e-4c2a-9d3e-0a1b2c3d4e5f", 1, "{\"name\": \"Ghost\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("not_found");
    }

    private ApiAnswer create(String body) {
        return stack.call("CreateCategoryFunction", ApiCall.to("POST /categories").tenant(tenant).json(body));
    }

    private ApiAnswer update(String id, long version, String body) {
        return stack.call("UpdateCategoryFunction", ApiCall.to("PATCH /categories/{id}").with("id", id).tenant(tenant)
                .ifMatch(version).json(body));
    }
}
