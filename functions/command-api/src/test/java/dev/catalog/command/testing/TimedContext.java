package dev.catalog.command.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;

/** An invocation's context with this much time left, as Lambda hands it to a handler; nothing else in it is used. */
public record TimedContext(Duration left) implements Context {

    @Override public int getRemainingTimeInMillis() { return Math.toIntExact(left.toMillis()); }
    @Override public String getAwsRequestId() { return "test-request"; }
    @Override public String getFunctionName() { return "test-function"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:test-function"; }
    @Override public String getLogGroupName() { return "/aws/lambda/test-function"; }
    @Override public String getLogStreamName() { return "test"; }
    @Override public int getMemoryLimitInMB() { return 512; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public LambdaLogger getLogger() { return null; }
}
