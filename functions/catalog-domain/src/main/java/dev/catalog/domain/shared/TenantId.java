package dev.catalog.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/** The tenant owning a piece of data. It comes from the caller's verified token, never from a request body. */
public record TenantId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a tenant id is 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
