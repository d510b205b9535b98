package dev.catalog.rebuild;

import java.util.List;

/** The read models a rebuild can build. */
public final class Projections {

    public static final String DETAIL = "detail";
    public static final String SEARCH = "search";

    private Projections() {
    }

    /** The projections a request names: one, or both for {@code all}. */
    public static List<String> named(String projection) {
        return switch (projection == null ? "" : projection) {
            case DETAIL -> List.of(DETAIL);
            case SEARCH -> List.of(SEARCH);
            case "all" -> List.of(DETAIL, SEARCH);
            default -> throw new IllegalArgumentException("projection must be detail, search or all, not " + projection);
        };
    }
}
