package dev.catalog.command.category;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.category.CategoryRevision;
import dev.catalog.domain.shared.Change;
import dev.catalog.platform.http.ApiRequest;
import dev.catalog.platform.http.DomainValues;
import dev.catalog.platform.http.JsonBody;
import dev.catalog.platform.http.ProblemException;
import java.util.Set;
import java.util.UUID;

/** Category command bodies to commands: shape first (400), then values (422). */
final class CategoryRequests {

    private static final Set<String> PROPERTIES = Set.of("name", "parentId");

    record NewCategory(CategoryName name, CategoryId parentId) {
    }

    private CategoryRequests() {
    }

    static CategoryId categoryId(ApiRequest request) {
        return new CategoryId(request.pathUuid("id"));
    }

    static NewCategory newCategory(ApiRequest request) {
        JsonBody body = request.jsonBody().allowOnly(PROPERTIES);
        String name = body.requiredText("name");
        UUID parentId = body.optionalUuid("parentId");
        body.throwIfInvalid();
        DomainValues values = new DomainValues();
        CategoryName validName = values.of("name", () -> new CategoryName(name));
        values.throwIfInvalid();
        return new NewCategory(validName, parentId == null ? null : new CategoryId(parentId));
    }

    static CategoryRevision revision(ApiRequest request) {
        JsonBody body = request.jsonBody().allowOnly(PROPERTIES);
        if (body.isEmpty()) {
            throw ProblemException.invalidRequest("body", "name at least one of " + PROPERTIES + " to change");
        }
        Change<String> name = body.textChange("name");
        Change<UUID> parentId = body.uuidChange("parentId");
        if (name instanceof Change.Clear<String>) {
            throw ProblemException.invalidRequest("name", "a category's name can be changed, not removed");
        }
        body.throwIfInvalid();
        DomainValues values = new DomainValues();
        Change<CategoryName> newName = name instanceof Change.SetTo<String> set
                ? Change.setTo(values.of("name", () -> new CategoryName(set.value())))
                : Change.keep();
        Change<CategoryId> newParent = switch (parentId) {
            case Change.SetTo<UUID> set -> Change.setTo(new CategoryId(set.value()));
            case Change.Clear<UUID> clear -> Change.clear();
            case Change.Keep<UUID> keep -> Change.keep();
        };
        values.throwIfInvalid();
        return new CategoryRevision(newName, newParent);
    }
}
