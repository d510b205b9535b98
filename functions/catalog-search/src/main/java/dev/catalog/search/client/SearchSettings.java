package dev.catalog.search.client;

import dev.catalog.platform.config.Environment;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a function reaches OpenSearch: {@code OPENSEARCH_URL} (e.g. {@code http://127.0.0.1:19200}, or the domain's
 * https endpoint), {@code OPENSEARCH_AUTH} ({@code none} for the local node, {@code sigv4} for Amazon OpenSearch
 * Service, which then also needs {@code AWS_REGION}, set by Lambda itself).
 *
 * @param region null unless signing
 */
public record SearchSettings(URI url, Authentication authentication, String region) {

    public enum Authentication {
        /** Plain HTTP(S), for the local node. */
        NONE,
        /** Requests signed with the function's IAM role (AWS Signature Version 4, service {@code es}). */
        SIGV4
    }

    public SearchSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(authentication, "authentication");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalStateException("OPENSEARCH_URL must be an http(s) URL with a host, not " + url);
        }
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
            throw new IllegalStateException("OPENSEARCH_URL must not have a path (OpenSearch is served at the root): " + url);
        }
        if (authentication == Authentication.SIGV4 && (region == null || region.isBlank())) {
            throw new IllegalStateException("OPENSEARCH_AUTH=sigv4 needs AWS_REGION to sign requests for");
        }
    }

    public static SearchSettings fromEnvironment() {
        return from(Environment::optional);
    }

    /** From variables looked up by name; a missing or malformed one fails with a message that names it. */
    public static SearchSettings from(Function<String, Optional<String>> variables) {
        String url = variables.apply("OPENSEARCH_URL")
                .orElseThrow(() -> new Environment.MissingConfigurationException("OPENSEARCH_URL"));
        String auth = variables.apply("OPENSEARCH_AUTH")
                .orElseThrow(() -> new Environment.MissingConfigurationException("OPENSEARCH_AUTH"));
        Authentication authentication = switch (auth.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> Authentication.NONE;
            case "sigv4" -> Authentication.SIGV4;
            default -> throw new IllegalStateException("OPENSEARCH_AUTH must be none or sigv4, not " + auth);
        };
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException("OPENSEARCH_URL is not a URL: " + url, malformed);
        }
        return new SearchSettings(uri, authentication,
                authentication == Authentication.SIGV4 ? variables.apply("AWS_REGION").orElse(null) : null);
    }
}
