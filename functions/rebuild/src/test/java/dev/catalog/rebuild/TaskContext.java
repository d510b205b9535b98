package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What a task function is told of its invocation: a request id, and the time left before the 15-minute timeout. */
final class TaskContext implements Context {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private final String requestId = UUID.randomUUID().toString();
    private final Instant deadline = Instant.now().plus(TIMEOUT);

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/rebuild-test";
    }

    @Override
    public String getLogStreamName() {
        return "rebuild-test";
    }

    @Override
    public String getFunctionName() {
        return "rebuild-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:rebuild-test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }
}
