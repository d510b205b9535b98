package dev.catalog.local.functions;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;

/**
 * The parent of every function's class loader: the JDK, and of the runtime's own classes only the Lambda
 * interfaces of aws-lambda-java-core ({@code Context}, {@code RequestHandler}, {@code LambdaLogger}, ...).
 *
 * <p>In Lambda those interfaces come from the runtime too, which is what lets the runtime's {@code Context} reach
 * the handler. Everything else a function uses (Jackson, HikariCP, the events model in
 * {@code com.amazonaws.services.lambda.runtime.events}) it brings in its deployment package, and must not meet the
 * local runtime's copies.
 */
final class LambdaInterfacesClassLoader extends ClassLoader {

    /** The packages of aws-lambda-java-core; subpackages such as {@code .events} are deliberately not included. */
    private static final Set<String> SHARED_PACKAGES = Set.of(
            "com.amazonaws.services.lambda.runtime",
            "com.amazonaws.services.lambda.runtime.logging");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtime;

    LambdaInterfacesClassLoader(ClassLoader runtime) {
        super("lambda-interfaces", ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(packageOf(name, '.'))) {
            return runtime.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isShared(packageOf(name, '/').replace('/', '.')) ? runtime.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isShared(packageOf(name, '/').replace('/', '.'))
                ? runtime.getResources(name)
                : super.getResources(name);
    }

    private static boolean isShared(String packageName) {
        return SHARED_PACKAGES.contains(packageName);
    }

    private static String packageOf(String name, char separator) {
        int last = name.lastIndexOf(separator);
        return last < 0 ? "" : name.substring(0, last);
    }
}
