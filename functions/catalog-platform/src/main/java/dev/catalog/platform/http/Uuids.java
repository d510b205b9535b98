package dev.catalog.platform.http;

import java.util.regex.Pattern;

/** UUIDs as clients must write them. {@code UUID.fromString} alone also takes forms like "1-2-3-4-5". */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    public static boolean isCanonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }
}
