package dev.catalog.infra;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/** Handler classes as Lambda's Java runtime sees them: loaded by name, entered through RequestHandler. */
final class Handlers {

    private Handlers() {
    }

    /** The class a {@code Handler} property names ({@code package.Class::method} or {@code package.Class}). */
    static String className(String handler) {
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }

    static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, Handlers.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Where the class was loaded from: a module's target/classes or its jar. */
    static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The type of {@code I} in {@code RequestHandler<I, O>}, looked for up the class's hierarchy. */
    static Optional<Class<?>> requestType(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Type implemented : current.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> input) {
                    return Optional.of(input);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isConcrete(Class<?> type) {
        return !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }
}
