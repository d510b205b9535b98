package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;

/** A handler named by method, with a POJO for input and output, and no handler interface. */
public class GreetingFunction {

    public Greeting greet(Greeting request, Context context) {
        Greeting greeting = new Greeting();
        greeting.setName("Hello, " + request.getName() + ", from " + context.getFunctionName());
        greeting.setRemainingMillis(context.getRemainingTimeInMillis());
        return greeting;
    }

    public static class Greeting {

        private String name;
        private int remainingMillis;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getRemainingMillis() {
            return remainingMillis;
        }

        public void setRemainingMillis(int remainingMillis) {
            this.remainingMillis = remainingMillis;
        }
    }
}
