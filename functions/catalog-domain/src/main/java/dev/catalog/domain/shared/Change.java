package dev.catalog.domain.shared;

import java.util.Objects;

/**
 * What a partial update asks for one optional property: leave it, set it, or clear it. A plain nullable
 * value cannot tell "not mentioned" from "remove it".
 */
public sealed interface Change<T> {

    record Keep<T>() implements Change<T> {
    }

    record SetTo<T>(T value) implements Change<T> {
        public SetTo {
            Objects.requireNonNull(value, "value");
        }
    }

    record Clear<T>() implements Change<T> {
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> setTo(T value) {
        return new SetTo<>(value);
    }

    static <T> Change<T> clear() {
        return new Clear<>();
    }

    /** The property's value once this change is applied to {@code current} (null when cleared). */
    default T applyTo(T current) {
        return switch (this) {
            case Keep<T> keep -> current;
            case SetTo<T> set -> set.value();
            case Clear<T> clear -> null;
        };
    }
}
