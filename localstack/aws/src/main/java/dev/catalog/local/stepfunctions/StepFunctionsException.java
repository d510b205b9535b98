package dev.catalog.local.stepfunctions;

/** A Step Functions API error: {@code code} is the AWS error code the endpoint answers with ({@code __type}). */
public final class StepFunctionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Code {
        STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist"),
        STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists"),
        EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist"),
        EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists"),
        INVALID_ARN("InvalidArn"),
        INVALID_NAME("InvalidName"),
        INVALID_DEFINITION("InvalidDefinition"),
        INVALID_EXECUTION_INPUT("InvalidExecutionInput"),
        INVALID_TOKEN("InvalidToken"),
        VALIDATION("ValidationException");

        private final String awsCode;

        Code(String awsCode) {
            this.awsCode = awsCode;
        }

        public String awsCode() {
            return awsCode;
        }
    }

    private final Code code;

    public StepFunctionsException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
