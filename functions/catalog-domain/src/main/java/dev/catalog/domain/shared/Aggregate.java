package dev.catalog.domain.shared;

/** What every aggregate has, whatever it models: the version its last event left it at (0 before its first event). */
public interface Aggregate {

    long version();
}
