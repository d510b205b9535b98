package dev.catalog.platform.http;

/**
 * The request carries no usable identity. Behind API Gateway's JWT authorizer this only happens when a valid
 * token lacks the {@code tenant_id} claim; it is answered exactly as the authorizer answers.
 */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String reason) {
        super(reason, null, false, false);
    }
}
