package dev.catalog.command.execution;

/** The answer to most commands: which aggregate, at which version now. The version is the read-your-writes token. */
public record VersionedRef(String id, long version) {
}
