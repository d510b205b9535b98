package dev.catalog.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and instantiates a function's handler with the rules of Lambda's Java runtime
 * (aws-lambda-java-runtime-interface-client, {@code EventHandlerLoader}):
 * <ul>
 *   <li>{@code package.Class}: the class implements {@link RequestStreamHandler} or {@link RequestHandler}, whose
 *       type arguments give the input and output types;</li>
 *   <li>{@code package.Class::method}: the public method of that name with the best signature, longer signatures and
 *       those ending in {@link Context} first, among {@code (InputStream, OutputStream, Context)},
 *       {@code (InputStream, OutputStream)}, {@code (InputStream|OutputStream, Context)},
 *       {@code (InputStream|OutputStream|Context)}, {@code (Input, Context)}, {@code (Input)} and {@code ()}.</li>
 * </ul>
 * Error messages are the runtime's, so a function fails here as it would in Lambda.
 */
final class HandlerLoader {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** Non-bridge methods first, then longer signatures, a trailing Context counting as one more parameter. */
    private static final Comparator<Method> METHOD_PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerLoader::weight).reversed());

    private final PayloadSerializers serializers;

    private HandlerLoader(PayloadSerializers serializers) {
        this.serializers = serializers;
    }

    /** Loads the handler class (running its static initialisation) and creates the handler. */
    static FunctionHandler load(HandlerName name, ClassLoader functionLoader) throws FunctionInitException {
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(name.className(), true, functionLoader);
        } catch (ClassNotFoundException e) {
            throw new FunctionInitException(new LambdaError(e.getClass().getName(),
                    "Class not found: " + name.className(), List.of()), e);
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new FunctionInitException(new LambdaError(e.getClass().getName(),
                    "Error loading class " + name.className() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    LambdaError.of(cause).stackTrace()), e);
        }
        HandlerLoader loader = new HandlerLoader(new PayloadSerializers(functionLoader));
        return name.method().isPresent()
                ? loader.methodHandler(handlerClass, name.method().get())
                : loader.interfaceHandler(handlerClass);
    }

    private FunctionHandler interfaceHandler(Class<?> handlerClass) throws FunctionInitException {
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            RequestStreamHandler handler = (RequestStreamHandler) newInstance(handlerClass);
            return handler::handleRequest;
        }
        if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            Type[] types = requestHandlerTypes(handlerClass);
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) newInstance(handlerClass);
            return pojoHandler(types[0], types[1], handler::handleRequest);
        }
        throw fault("Class does not implement an appropriate handler interface: " + handlerClass.getName());
    }

    private FunctionHandler methodHandler(Class<?> handlerClass, String methodName) throws FunctionInitException {
        List<Method> overloads = Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals(methodName))
                .sorted(METHOD_PRIORITY)
                .toList();
        for (Method method : overloads) {
            Optional<Signature> signature = Signature.of(method);
            if (signature.isPresent()) {
                Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(handlerClass);
                return signature.get().isStream()
                        ? (event, response, context) -> call(method, instance, signature.get().arguments(event, response, context, null))
                        : pojoHandler(signature.get().input(), method.getGenericReturnType(),
                                (input, context) -> call(method, instance, signature.get().arguments(null, null, context, input)));
            }
        }
        throw fault("No public method named " + methodName + " with appropriate method signature found on class "
                + handlerClass.getName());
    }

    /** Deserializes the event, calls the handler, serializes what it returns; {@code null} input type: no event. */
    private FunctionHandler pojoHandler(Type inputType, Type outputType, PojoCall call) {
        PojoSerializer<Object> input = inputType == null ? null : serializers.forType(inputType);
        PojoSerializer<Object> output = isVoid(outputType) ? null : serializers.forType(outputType);
        return (event, response, context) -> {
            Object value;
            try {
                value = input == null ? null : input.fromJson(event);
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object result = call.handle(value, context);
            try {
                if (output == null) {
                    response.write(JSON_NULL);
                } else {
                    output.toJson(result, response);
                }
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        };
    }

    /** Calls the handler method; what it throws is the function's error, thrown as it is. */
    private static Object call(Method method, Object instance, Object[] arguments) throws Exception {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(e.getCause());
        }
    }

    private static Object newInstance(Class<?> handlerClass) throws FunctionInitException {
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw fault(handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())
                    ? "Class " + handlerClass.getName() + " cannot be instantiated because it is a non-static inner class"
                    : "Class " + handlerClass.getName() + " has no public zero-argument constructor");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new FunctionInitException(LambdaError.of(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FunctionInitException(LambdaError.of(e), e);
        }
    }

    /** The type arguments the class gives {@code RequestHandler<I, O>}, following its superclasses and interfaces. */
    private static Type[] requestHandlerTypes(Class<?> handlerClass) throws FunctionInitException {
        Type[] types = typeArguments(handlerClass, Map.of())
                .orElseThrow(() -> fault("Class " + handlerClass.getName()
                        + " does not implement RequestHandler with concrete type parameters"));
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof TypeVariable<?> variable) {
                Type bound = variable.getBounds()[0];
                if (bound.equals(Object.class)) {
                    throw fault("Class " + handlerClass.getName() + " does not implement RequestHandler with concrete "
                            + "type parameters: parameter " + variable + " has no upper bound.");
                }
                types[i] = bound;
            }
        }
        return types;
    }

    private static Optional<Type[]> typeArguments(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        Map<TypeVariable<?>, Type> scope = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                scope.put(variables[i], arguments[i] instanceof TypeVariable<?> variable
                        ? bindings.getOrDefault(variable, variable)
                        : arguments[i]);
            }
        }
        if (raw == RequestHandler.class) {
            return Optional.of(Arrays.stream(raw.getTypeParameters())
                    .map(variable -> scope.getOrDefault(variable, variable))
                    .toArray(Type[]::new));
        }
        return Stream.concat(Arrays.stream(raw.getGenericInterfaces()), Stream.ofNullable(raw.getGenericSuperclass()))
                .map(parent -> typeArguments(parent, scope))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    private static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean endsWithContext = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
        return parameters.length + (endsWithContext ? 1 : 0);
    }

    private static FunctionInitException fault(String message) {
        return new FunctionInitException(LambdaError.badFunctionCode(message));
    }

    @FunctionalInterface
    private interface PojoCall {
        Object handle(Object input, Context context) throws Exception;
    }

    /**
     * A handler method's parameters: which of event stream, response stream, context and deserialized input it
     * takes, in its order. Signatures the Java runtime ignores have none.
     */
    private record Signature(List<Class<?>> parameters, Type input) {

        static Optional<Signature> of(Method method) {
            Class<?>[] types = method.getParameterTypes();
            Type[] generic = method.getGenericParameterTypes();
            boolean valid = switch (types.length) {
                case 0, 1 -> true;
                case 2 -> types[1] == Context.class && types[0] != Context.class
                        || types[0] == InputStream.class && types[1] == OutputStream.class;
                case 3 -> types[0] == InputStream.class && types[1] == OutputStream.class && types[2] == Context.class;
                default -> false;
            };
            if (!valid) {
                return Optional.empty();
            }
            Type input = null;
            for (int i = 0; i < types.length; i++) {
                if (!isStreamOrContext(types[i])) {
                    input = generic[i];
                }
            }
            return Optional.of(new Signature(List.of(types), input));
        }

        boolean isStream() {
            return parameters.contains(InputStream.class) || parameters.contains(OutputStream.class);
        }

        Object[] arguments(InputStream event, OutputStream response, Context context, Object input) {
            return parameters.stream().map(type -> {
                if (type == InputStream.class) {
                    return event;
                }
                if (type == OutputStream.class) {
                    return response;
                }
                return type == Context.class ? context : input;
            }).toArray();
        }

        private static boolean isStreamOrContext(Class<?> type) {
            return type == InputStream.class || type == OutputStream.class || type == Context.class;
        }
    }
}
