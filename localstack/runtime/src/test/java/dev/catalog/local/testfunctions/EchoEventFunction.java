package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Answers the HTTP API with the very event it received, base64 encoded so no JSON library is needed. */
public class EchoEventFunction implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        String body = Base64.getEncoder().encodeToString(event.readAllBytes());
        response.write(("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},"
                + "\"isBase64Encoded\":true,\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
