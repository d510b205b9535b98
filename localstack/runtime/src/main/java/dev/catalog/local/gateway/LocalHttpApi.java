package dev.catalog.local.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.catalog.local.functions.LambdaInvoker;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of template.yaml, served locally the way API Gateway serves it: its routes, its JWT authorizer
 * (checking the local signing key's tokens), payload format 2.0 events to the functions and their responses back.
 * Each request runs on its own virtual thread.
 *
 * <pre>{@code
 * RouteTable routes = RouteTable.of(template);
 * LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDir.resolve("auth"));
 * try (LocalHttpApi api = LocalHttpApi.start(routes, functionHost,
 *         LocalHttpApiSettings.local(LocalHttpApiSettings.DEFAULT_PORT, key.publicKeys()))) {
 *     // http://127.0.0.1:3000/products
 * }
 * }</pre>
 */
public final class LocalHttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalHttpApi.class);

    private final HttpServer server;
    private final ExecutorService requests;

    private LocalHttpApi(HttpServer server, ExecutorService requests) {
        this.server = server;
        this.requests = requests;
    }

    /**
     * Serves the routes until closed.
     *
     * @throws IOException when the address cannot be bound (the port is taken, typically)
     */
    public static LocalHttpApi start(RouteTable routes, LambdaInvoker invoker, LocalHttpApiSettings settings)
            throws IOException {
        HttpApiHandler handler = new HttpApiHandler(routes, invoker, settings);
        HttpServer server;
        try {
            server = HttpServer.create(settings.address(), 0);
        } catch (IOException e) {
            throw new IOException("the local HTTP API cannot listen on " + settings.address() + ": " + e.getMessage(), e);
        }
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(requests);
        server.createContext("/", handler);
        server.start();
        LocalHttpApi api = new LocalHttpApi(server, requests);
        log.info("HTTP API {} listening on {} with routes {}", routes.apiLogicalId(), api.endpoint(), routes.routeKeys());
        return api;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once; requests in flight are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
    }
}
