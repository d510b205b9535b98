package dev.catalog.projection.readmodel;

import java.util.Objects;

/** What verification compares of one category. */
public record CategoryFacts(String tenant, String id, long version, String name, String parentId) {

    public String line() {
        return String.join("|", id, Long.toString(version), name, Objects.toString(parentId, ""));
    }
}
