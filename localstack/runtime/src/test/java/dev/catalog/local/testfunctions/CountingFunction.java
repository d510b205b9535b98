package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts its invocations in static state, as a connection pool or cache would live in it. */
public class CountingFunction implements RequestHandler<Map<String, Object>, Integer> {

    private static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    public Integer handleRequest(Map<String, Object> event, Context context) {
        return INVOCATIONS.incrementAndGet();
    }
}
