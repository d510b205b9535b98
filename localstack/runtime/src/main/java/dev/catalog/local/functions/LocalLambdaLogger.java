package dev.catalog.local.functions;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The function's {@code context.getLogger()}: its lines go to the runtime's standard output, one per call. */
record LocalLambdaLogger(PrintStream out) implements LambdaLogger {

    @Override
    public void log(String message) {
        out.print(message.endsWith("\n") ? message : message + "\n");
        out.flush();
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
