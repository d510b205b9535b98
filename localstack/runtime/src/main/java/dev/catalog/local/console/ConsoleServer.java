package dev.catalog.local.console;

import com.sun.net.httpserver.HttpServer;
import dev.catalog.local.rebuilds.RebuildControl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the console on 127.0.0.1: its pages ({@code /}), the HTTP API forwarded unchanged ({@code /api/}), and the
 * console's own JSON ({@code /console/}). Each request runs on its own virtual thread.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);

    private final HttpServer server;
    private final ExecutorService requests;
    private final LagSampler lag;
    private final RebuildControl rebuilds;

    private ConsoleServer(HttpServer server, ExecutorService requests, LagSampler lag, RebuildControl rebuilds) {
        this.server = server;
        this.requests = requests;
        this.lag = lag;
        this.rebuilds = rebuilds;
    }

    /**
     * Serves the console until closed.
     *
     * @throws IOException when the port cannot be bound (taken, typically)
     */
    public static ConsoleServer start(int port, ConsoleSources sources) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        LagSampler lag = LagSampler.start(sources.database());
        RebuildControl rebuilds = new RebuildControl(sources.aws());
        server.setExecutor(requests);
        server.createContext("/", new StaticFiles());
        server.createContext(ApiForwarding.PREFIX, new ApiForwarding(sources.api()));
        server.createContext(ConsoleApi.PREFIX, new ConsoleApi(sources, lag, rebuilds));
        server.start();
        ConsoleServer console = new ConsoleServer(server, requests, lag, rebuilds);
        log.info("console listening on {}", console.url());
        return console;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        lag.close();
        rebuilds.close();
    }
}
