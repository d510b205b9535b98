package dev.catalog.local.template;

import java.util.Optional;

/**
 * The local values of what a template refers to outside itself, supplied by the local runtime: a parameter's local
 * value ({@code !Ref JwtIssuer} is the local issuer), pseudo parameters ({@code AWS::Region}), and resources that
 * exist locally in another shape ({@code !GetAtt Database.Endpoint.Address} is 127.0.0.1, {@code !GetAtt Dlq.Arn}
 * a local ARN).
 *
 * <p>An empty answer is not an error by itself: a parameter then falls back to its {@code Default}. A value needed
 * locally that nothing can supply is reported with where the template uses it, never replaced by null.
 */
public interface IntrinsicResolver {

    /** {@code !Ref logicalName}: a parameter, a pseudo parameter or a resource. */
    Optional<String> ref(String logicalName);

    /** {@code !GetAtt logicalId.attribute}. */
    Optional<String> getAtt(String logicalId, String attribute);

    /** {@code !ImportValue exportName}: an export of another stack. */
    default Optional<String> importValue(String exportName) {
        return Optional.empty();
    }
}
