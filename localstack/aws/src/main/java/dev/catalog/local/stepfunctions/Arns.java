package dev.catalog.local.stepfunctions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Step Functions ARNs in one region and account. */
record Arns(String region, String accountId) {

    private static final Pattern ARN = Pattern.compile("arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\\d{12}):([a-zA-Z]+):(.+)");

    String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    String execution(String stateMachineName, String executionName) {
        return "arn:aws:states:" + region + ":" + accountId + ":execution:" + stateMachineName + ":" + executionName;
    }

    /** Checks that {@code arn} is a Step Functions ARN of the given resource type, answering InvalidArn otherwise. */
    static void check(String arn, String resourceType) {
        if (arn == null) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_ARN, "Invalid Arn: 'null'");
        }
        Matcher matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_ARN,
                    "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
        }
        if (!matcher.group(3).equals(resourceType)) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_ARN,
                    "Invalid Arn: 'Resource type not valid in this context: " + matcher.group(3) + "'");
        }
    }
}
