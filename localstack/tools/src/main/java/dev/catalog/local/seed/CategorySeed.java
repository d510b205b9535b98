package dev.catalog.local.seed;

/**
 * A category to create, identified within its tenant by its path of names from the root.
 *
 * @param path       names from the root down to this category, joined by {@value #SEPARATOR}
 * @param parentPath null for a root
 */
public record CategorySeed(String path, String name, String parentPath) {

    public static final String SEPARATOR = " > ";

    public int depth() {
        return path.split(SEPARATOR, -1).length;
    }
}
