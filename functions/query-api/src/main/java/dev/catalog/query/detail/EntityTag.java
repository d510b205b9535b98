package dev.catalog.query.detail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The entity tag of a product detail, derived from the representation itself.
 *
 * <p>The detail joins three aggregates (the product, its stock and its category path), so no single version
 * identifies it: the product's version would not move when stock changes or a parent category is renamed, and a
 * client revalidating with {@code If-None-Match} would keep showing the old stock. Hashing the bytes is exact.
 */
record EntityTag(String value) {

    static EntityTag of(String representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation.getBytes(StandardCharsets.UTF_8));
            return new EntityTag("\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * {@code If-None-Match} as RFC 9110 reads it: {@code *}, or a list of tags compared weakly (a {@code W/} prefix
     * is ignored).
     */
    boolean matchedBy(String ifNoneMatch) {
        String header = ifNoneMatch.strip();
        if (header.equals("*")) {
            return true;
        }
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(value::equals);
    }
}
