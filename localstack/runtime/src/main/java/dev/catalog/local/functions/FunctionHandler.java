package dev.catalog.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function's handler reduced to what Lambda's Java runtime reduces every handler to: event bytes in, response
 * bytes out. Serialization happens inside, with the handler's own types.
 */
@FunctionalInterface
interface FunctionHandler {

    void handle(InputStream event, OutputStream response, Context context) throws Exception;
}
