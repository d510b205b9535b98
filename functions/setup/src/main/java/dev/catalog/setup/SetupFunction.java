package dev.catalog.setup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import dev.catalog.setup.cloudformation.CloudFormationResponder;
import dev.catalog.setup.cloudformation.CustomResourceResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The setup step as a CloudFormation custom resource: on Create and Update (every deploy that changes its code or
 * properties) it runs {@link CatalogSetup}; on Delete it keeps everything (the data outlives the stack's
 * resources only through snapshots, and nothing here can be undone safely).
 *
 * <p>It must never leave a stack waiting: every outcome, a failure or running out of time included, is answered
 * through the request's ResponseURL before the function's own timeout. The constructor does nothing that can fail,
 * since an initialisation error would end the invocation without an answer.
 */
public final class SetupFunction implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final Logger log = LoggerFactory.getLogger(SetupFunction.class);
    /** The physical id never changes: an Update must not look like a replacement, whose old resource gets a Delete. */
    static final String PHYSICAL_RESOURCE_ID = "catalog-setup";
    /** Time kept to answer after giving up on the work. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(20);

    private final Setup setup;
    private final CloudFormationResponder responder;

    public SetupFunction() {
        this(new CatalogSetup(), new CloudFormationResponder());
    }

    SetupFunction(Setup setup, CloudFormationResponder responder) {
        this.setup = setup;
        this.responder = responder;
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        log.info("{} of {} ({})", event.getRequestType(), event.getLogicalResourceId(), event.getResourceType());
        CustomResourceResponse response;
        try {
            response = respond(event, Duration.ofMillis(context.getRemainingTimeInMillis()).minus(ANSWER_MARGIN));
        } catch (RuntimeException e) {
            log.error("setup failed", e);
            response = CustomResourceResponse.failed(event, physicalResourceId(event), describe(e));
        }
        responder.send(event.getResponseUrl(), response);
        return null;
    }

    private CustomResourceResponse respond(CloudFormationCustomResourceEvent event, Duration timeLeft) {
        return switch (String.valueOf(event.getRequestType())) {
            case "Create", "Update" -> CustomResourceResponse.success(event, PHYSICAL_RESOURCE_ID,
                    runWithin(SetupRequest.from(event.getResourceProperties()), timeLeft));
            case "Delete" -> CustomResourceResponse.success(event, physicalResourceId(event), Map.of());
            default -> CustomResourceResponse.failed(event, physicalResourceId(event),
                    "unknown request type " + event.getRequestType());
        };
    }

    private Map<String, String> runWithin(SetupRequest request, Duration timeLeft) {
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            throw new IllegalStateException("no time left to run the setup; raise the function's Timeout");
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catalog-setup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Map<String, String>> work = worker.submit(() -> setup.run(request));
            return work.get(timeLeft.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the setup did not finish within " + timeLeft.toSeconds()
                    + " s; it is safe to deploy again, which resumes it", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the setup", e);
        } finally {
            worker.shutdownNow();
        }
    }

    /** A failed Create has no physical id yet; CloudFormation then sends a Delete with whatever we answered. */
    private static String physicalResourceId(CloudFormationCustomResourceEvent event) {
        return event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : PHYSICAL_RESOURCE_ID;
    }

    private static String describe(Throwable failure) {
        StringBuilder reason = new StringBuilder(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.append(" (see the function's log)").toString();
    }
}
