package dev.catalog.local.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for services started by tests (and by {@code ./catalog up --free-ports}), which must not collide with a stack
 * already running.
 *
 * <p>They are taken below the kernel's ephemeral port range. A stack's services bind their ports one after another
 * over half a minute, and every outgoing connection of that half minute (JDBC, Kafka clients, Debezium) gets a local
 * port from the ephemeral range: a port found free there, as {@code bind(0)} finds one, can be taken by such a
 * connection before its service binds it, and the service then cannot start. Below the range only another listener
 * can take a port, and each is checked free when handed out. No port is handed out twice by one JVM.
 */
public final class FreePorts {

    /** Above the documented ports of {@code ./catalog up} (3000 to 19300), which a developer's stack may hold. */
    static final int LOWEST = 20_000;
    /** Linux's default start of the ephemeral range, for when it cannot be read (and below macOS's 49152). */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 1_000;

    /** Read once: the range is a setting of the machine, and every stack asks for nine ports. */
    private static final int EPHEMERAL_START = ephemeralRangeStart();

    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A loopback port that is free now, below the ephemeral range, and not handed out before by this JVM. */
    public static int next() {
        // A machine whose ephemeral range starts this low leaves no room below it: the kernel chooses there.
        boolean roomBelow = EPHEMERAL_START - LOWEST >= ATTEMPTS;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = roomBelow ? ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_START) : kernelChoice();
            if ((!roomBelow || isFree(port)) && handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port not handed out before found after " + ATTEMPTS
                + " attempts (ephemeral range from " + EPHEMERAL_START + ")");
    }

    /** The first port of the kernel's ephemeral range: the ports below it are never given to outgoing connections. */
    static int ephemeralRangeStart() {
        // Read as a stream of lines: Files.readString trusts the size of 0 that /proc reports and returns a part.
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the services bind: a port left in TIME_WAIT by a closed connection does not hold them off.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int kernelChoice() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
