package dev.catalog.command.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.catalog.domain.shared.TenantId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A sample event of {@code events/} (the ones {@code ./catalog invoke} and {@code sam local invoke} take), loaded by
 * the Lambda test library into the class the handler receives, then pointed at a test's own tenant and aggregates.
 */
public final class SampleRequest {

    private final APIGatewayV2HTTPEvent event;

    private SampleRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** The sample of the function with this logical id, e.g. {@code CreateProductFunction}. */
    public static SampleRequest of(String functionLogicalId) {
        return new SampleRequest(EventLoader.loadApiGatewayHttpEvent("/events/" + functionLogicalId + ".json"));
    }

    public SampleRequest tenant(TenantId tenant) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("tenant_id", tenant.value());
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return this;
    }

    /** Another value for a path parameter, in the parameters and in the paths alike. */
    public SampleRequest path(String parameter, Object value) {
        Map<String, String> parameters = new HashMap<>(event.getPathParameters());
        String sample = parameters.put(parameter, value.toString());
        if (sample == null) {
            throw new IllegalArgumentException(event.getRouteKey() + " has no path parameter " + parameter);
        }
        event.setPathParameters(parameters);
        event.setRawPath(event.getRawPath().replace(sample, value.toString()));
        event.getRequestContext().getHttp().setPath(event.getRequestContext().getHttp().getPath().replace(sample, value.toString()));
        return this;
    }

    public SampleRequest id(UUID id) {
        return path("id", id);
    }

    public SampleRequest id(String id) {
        return path("id", id);
    }

    public SampleRequest body(String json) {
        event.setBody(json);
        return header("content-length", Integer.toString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    public SampleRequest ifMatch(long version) {
        return header("if-match", "\"" + version + "\"");
    }

    public SampleRequest idempotencyKey(String key) {
        return header("idempotency-key", key);
    }

    public SampleRequest header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        headers.put(name, value);
        event.setHeaders(headers);
        return this;
    }

    public SampleRequest withoutHeader(String name) {
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        headers.remove(name);
        event.setHeaders(headers);
        return this;
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }
}
