package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.catalog.platform.config.Environment;

/** Answers the value of the variable it is asked for, read the way catalog functions read their configuration. */
public class EnvironmentFunction implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String name, Context context) {
        return Environment.required(name);
    }
}
