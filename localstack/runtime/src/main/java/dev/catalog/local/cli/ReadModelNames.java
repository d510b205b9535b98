package dev.catalog.local.cli;

import dev.catalog.platform.projection.ProjectionName;
import java.util.Arrays;
import java.util.Iterator;

/** The read models' names, as the help of {@code rebuild} and {@code rollback} lists them (from the one list of them). */
final class ReadModelNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ProjectionName.values()).map(ProjectionName::id).iterator();
    }
}
