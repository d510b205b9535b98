package dev.catalog.search.client;

import dev.catalog.platform.failure.ServiceUnavailableException;
import java.io.IOException;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * Runs a call to OpenSearch and sorts its failures: the cluster unreachable, overloaded (429) or failing (5xx)
 * becomes a {@link ServiceUnavailableException}, which says "retry later"; any other refusal is a bug in the
 * request and stays an {@link OpenSearchException}.
 */
public final class SearchCalls {

    /** How the service is named to clients and in logs. */
    public static final String SERVICE = "search index";

    private SearchCalls() {
    }

    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    /** @param what the call, for the message: "search products_v3" */
    public static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException unreachable) {
            throw new ServiceUnavailableException(SERVICE, what + " failed: " + unreachable, unreachable);
        } catch (OpenSearchException refused) {
            if (isTransient(refused.status())) {
                throw new ServiceUnavailableException(SERVICE, what + " answered " + refused.status() + ": "
                        + refused.getMessage(), refused);
            }
            throw refused;
        }
    }

    /** Statuses that say nothing about the request: the same request may succeed later. */
    public static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }
}
