package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tells what its code can see: the class loader it runs in, and whether the runtime's own classes leak into it. */
public class IsolationFunction implements RequestHandler<Map<String, String>, Map<String, String>> {

    @Override
    public Map<String, String> handleRequest(Map<String, String> classNames, Context context) {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("contextClassLoader", Thread.currentThread().getContextClassLoader().getName());
        seen.put("handlerClassLoader", getClass().getClassLoader().getName());
        classNames.forEach((label, className) -> seen.put(label, Boolean.toString(isVisible(className))));
        return seen;
    }

    private boolean isVisible(String className) {
        try {
            Class.forName(className, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
