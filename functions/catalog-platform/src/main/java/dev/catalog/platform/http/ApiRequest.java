package dev.catalog.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.Deadline;
import dev.catalog.platform.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API Gateway HTTP API request (payload format 2.0), read the way every handler needs it: the tenant from
 * the verified token, path parameters, conditional and idempotency headers, and the JSON body within limits.
 */
public final class ApiRequest {

    /** The largest body a command accepts (API.md). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final APIGatewayV2HTTPEvent event;
    private final Deadline deadline;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this(event, Deadline.none());
    }

    public ApiRequest(APIGatewayV2HTTPEvent event, Deadline deadline) {
        this.event = event;
        this.deadline = deadline;
    }

    /** When the handler must stop waiting for its database to answer in time. */
    public Deadline deadline() {
        return deadline;
    }

    /** The caller's tenant: the {@code tenant_id} claim the JWT authorizer verified. */
    public TenantId tenant() {
        String claim = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .map(claims -> claims.get("tenant_id"))
                .orElseThrow(() -> new UnauthorizedException("the token has no tenant_id claim"));
        try {
            return new TenantId(claim);
        } catch (IllegalArgumentException malformed) {
            throw new UnauthorizedException("the token's tenant_id claim is malformed");
        }
    }

    public String requestId() {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .orElse("unknown");
    }

    /** The caller's correlation id when it sent a usable one, else this request's id. */
    public String correlationId() {
        return header("x-correlation-id")
                .filter(id -> CORRELATION_ID.matcher(id).matches())
                .orElseGet(this::requestId);
    }

    public String routeKey() {
        return Optional.ofNullable(event.getRouteKey()).orElse("");
    }

    /** A header by name, ignoring case (API Gateway lower-cases names, but tests and proxies may not). */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            value = headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return Optional.ofNullable(value);
    }

    public String pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters())
                .map(parameters -> parameters.get(name))
                .orElseThrow(() -> ProblemException.invalidRequest(name, "is required in the path"));
    }

    public UUID pathUuid(String name) {
        String value = pathParameter(name);
        if (!Uuids.isCanonical(value)) {
            throw ProblemException.invalidRequest(name, "must be a UUID such as 3f2c1a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c");
        }
        return UUID.fromString(value);
    }

    /** The query string's parameters, repeats kept (see {@link QueryParameters}). */
    public QueryParameters queryParameters() {
        return QueryParameters.parse(event.getRawQueryString());
    }

    /** The version named by {@code If-Match}, which this request must carry (428 when it does not). */
    public long requiredIfMatch() {
        return optionalIfMatch().orElseThrow(() -> new ProblemException(Problem.of(ProblemCode.IF_MATCH_REQUIRED,
                "send If-Match with the version you last read, e.g. If-Match: \"3\"")));
    }

    public Optional<Long> optionalIfMatch() {
        return header("if-match").map(value -> {
            Matcher matcher = IF_MATCH.matcher(value.strip());
            if (!matcher.matches()) {
                throw ProblemException.invalidRequest("If-Match", "must be a version in quotes, e.g. \"3\"");
            }
            return Long.parseLong(matcher.group(1));
        });
    }

    public Optional<String> idempotencyKey() {
        return header("idempotency-key").map(key -> {
            if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
                throw ProblemException.invalidRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
            }
            return key;
        });
    }

    /**
     * Identifies what was asked: method, path and the exact body. The same Idempotency-Key may only come back
     * with the same fingerprint.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(routeKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Optional.ofNullable(event.getRawPath()).orElse("").getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bodyBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The body as a JSON object, after checking its media type and size. */
    public JsonBody jsonBody() {
        String contentType = header("content-type").orElse("");
        if (!isJson(contentType)) {
            throw new ProblemException(Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json (UTF-8)"));
        }
        byte[] body = bodyBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(ProblemCode.PAYLOAD_TOO_LARGE,
                    "the body has " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted"));
        }
        if (body.length == 0) {
            throw ProblemException.invalidRequest("body", "a JSON object is required");
        }
        try {
            return JsonBody.of(Json.parse(utf8(body)));
        } catch (JsonProcessingException malformed) {
            throw new ProblemException(Problem.of(ProblemCode.MALFORMED_JSON,
                    "the body is not valid JSON: " + JsonSyntax.describe(malformed)));
        }
    }

    /**
     * The body as text, refusing bytes that are not UTF-8: decoded leniently they would become U+FFFD and be stored
     * as if the client had sent that character. JSON is UTF-8 (RFC 8259), so this is malformed JSON.
     */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ProblemException(Problem.of(ProblemCode.MALFORMED_JSON, "the body is not valid UTF-8"));
        }
    }

    private byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException corrupt) {
                throw ProblemException.invalidRequest("body", "is not valid base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String mediaType = parts[0].strip();
        if (!mediaType.equals("application/json") && !mediaType.matches("application/[a-z0-9.+-]+\\+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8") && !parameter.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return true;
    }
}
