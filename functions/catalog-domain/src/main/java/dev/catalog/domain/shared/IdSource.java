package dev.catalog.domain.shared;

import java.util.UUID;

/** Where new identifiers come from, injected so tests can pin them. */
@FunctionalInterface
public interface IdSource {

    UUID newId();

    static IdSource random() {
        return UUID::randomUUID;
    }
}
