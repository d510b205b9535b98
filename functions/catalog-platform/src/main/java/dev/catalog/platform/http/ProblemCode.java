package dev.catalog.platform.http;

/**
 * The problem codes the HTTP edge answers by itself, each with its one status: requests it cannot read, conditions
 * it requires, and failures on the service's side. Refusals of the model carry a
 * {@link dev.catalog.domain.shared.RejectionCode} instead; together the two enums are every {@code code} a problem
 * can have, which docs/API.md and docs/openapi.yaml list.
 */
public enum ProblemCode {
    /** Missing, mistyped or unknown inputs: body properties, path and query parameters, headers. */
    INVALID_REQUEST(400, "invalid_request"),
    MALFORMED_JSON(400, "malformed_json"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency_key_reused"),
    IF_MATCH_REQUIRED(428, "if_match_required"),
    INTERNAL_ERROR(500, "internal_error"),
    SERVICE_UNAVAILABLE(503, "service_unavailable");

    private final int status;
    private final String wireName;

    ProblemCode(int status, String wireName) {
        this.status = status;
        this.wireName = wireName;
    }

    public int status() {
        return status;
    }

    /** The code as it appears on the wire, e.g. {@code invalid_request}. */
    public String wireName() {
        return wireName;
    }
}
