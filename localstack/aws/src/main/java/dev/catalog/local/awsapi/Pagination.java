package dev.catalog.local.awsapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Offset-based paging behind opaque tokens ({@code nextToken}, {@code Marker}). */
final class Pagination {

    private static final String PREFIX = "offset:";

    private Pagination() {
    }

    /** One page of a list, and the token of the next page when there is one. */
    record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    /** Throws {@link IllegalArgumentException} when the token is not one this endpoint issued. */
    static <T> Page<T> page(List<T> all, String token, int maxResults) {
        int offset = token == null || token.isEmpty() ? 0 : decode(token);
        int end = Math.min(all.size(), offset + maxResults);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new Page<>(items, end < all.size() ? Optional.of(encode(end)) : Optional.empty());
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid Token: '" + token + "'");
    }
}
