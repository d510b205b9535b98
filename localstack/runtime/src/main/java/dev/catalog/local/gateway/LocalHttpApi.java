package dev.catalog.local.gateway;

import dev.catalog.local.functions.LambdaInvoker;
import java.io.IOException;
import java.net.URI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of template.yaml, served locally the way API Gateway serves it: its routes, its JWT authorizer
 * (checking the local signing key's tokens), payload format 2.0 events to the functions and their responses back.
 * Each request runs on its own virtual thread.
 *
 * <p>Served by Jetty rather than the JDK's HTTP server: API Gateway passes the request target on as sent, and the
 * function decides what a broken percent-encoding means (a 400 problem naming the parameter); the JDK's server
 * refuses such a request line itself, with an HTML page.
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

    private final Server server;
    private final ServerConnector connector;

    private LocalHttpApi(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Serves the routes until closed.
     *
     * @throws IOException when the address cannot be bound (the port is taken, typically)
     */
    public static LocalHttpApi start(RouteTable routes, LambdaInvoker invoker, LocalHttpApiSettings settings)
            throws IOException {
        VirtualThreadPool threads = new VirtualThreadPool();
        threads.setName("local-http-api");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // The path and query reach the handler as sent, to be read as API Gateway reads them (HttpApiRequest).
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.address().getAddress().getHostAddress());
        connector.setPort(settings.address().getPort());
        server.addConnector(connector);
        server.setHandler(new HttpApiHandler(routes, invoker, settings));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("the local HTTP API cannot listen on " + settings.address() + ": " + e.getMessage(), e);
        }
        LocalHttpApi api = new LocalHttpApi(server, connector);
        log.info("HTTP API {} listening on {} with routes {}", routes.apiLogicalId(), api.endpoint(), routes.routeKeys());
        return api;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://" + connector.getHost() + ":" + port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening at once; requests in flight are interrupted. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.setStopTimeout(0);
            server.stop();
        } catch (Exception e) {
            log.warn("the local HTTP API did not stop cleanly", e);
        }
    }
}
