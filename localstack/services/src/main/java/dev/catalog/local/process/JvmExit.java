package dev.catalog.local.process;

/**
 * Whether this JVM has begun to exit. Shutdown hooks run concurrently, so a service can be stopped by a hook of
 * its own (Zonky's stops PostgreSQL) while its supervisor still watches it; a service started again then would
 * outlive the JVM that should stop it.
 */
public final class JvmExit {

    private JvmExit() {
    }

    /** True from the moment the JVM starts its shutdown hooks, which is exactly when no hook may be added any more. */
    public static boolean begun() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }
}
