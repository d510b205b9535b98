package dev.catalog.domain.category;

public record CategoryCreated(CategoryState category) implements CategoryEvent {
}
