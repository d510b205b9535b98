package dev.catalog.setup.cloudformation;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Map;
import java.util.Objects;

/**
 * What a custom resource answers CloudFormation: the body it PUTs to the request's pre-signed ResponseURL.
 *
 * @param data attributes other resources read with {@code !GetAtt}
 */
public record CustomResourceResponse(Status status, String reason, String physicalResourceId, String stackId,
                                     String requestId, String logicalResourceId, Map<String, String> data) {

    /** CloudFormation refuses response bodies over 4096 bytes; the reason is the part that can grow. */
    static final int MAX_REASON_LENGTH = 2_000;

    public enum Status { SUCCESS, FAILED }

    public CustomResourceResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(physicalResourceId, "physicalResourceId");
        data = Map.copyOf(data);
        reason = reason == null || reason.length() <= MAX_REASON_LENGTH ? reason
                : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }

    public static CustomResourceResponse success(CloudFormationCustomResourceEvent event, String physicalResourceId,
                                                 Map<String, String> data) {
        return new CustomResourceResponse(Status.SUCCESS, null, physicalResourceId, event.getStackId(),
                event.getRequestId(), event.getLogicalResourceId(), data);
    }

    public static CustomResourceResponse failed(CloudFormationCustomResourceEvent event, String physicalResourceId,
                                                String reason) {
        return new CustomResourceResponse(Status.FAILED, reason, physicalResourceId, event.getStackId(),
                event.getRequestId(), event.getLogicalResourceId(), Map.of());
    }

    /** The JSON document CloudFormation expects, in its field names. */
    Map<String, Object> body() {
        return Map.of(
                "Status", status.name(),
                "Reason", reason == null ? "" : reason,
                "PhysicalResourceId", physicalResourceId,
                "StackId", stackId,
                "RequestId", requestId,
                "LogicalResourceId", logicalResourceId,
                "NoEcho", false,
                "Data", data);
    }
}
