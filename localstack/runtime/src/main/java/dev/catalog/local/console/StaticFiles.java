package dev.catalog.local.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.webjars.WebJarVersionLocator;

/**
 * The console's pages, scripts and styles from the class path ({@code dev/catalog/local/console/static/}), and the
 * webjars it uses under {@code /webjars/<name>/<file>} whatever their version. {@code /} is the single page.
 */
final class StaticFiles implements HttpHandler {

    private static final String ROOT = "dev/catalog/local/console/static/";
    private static final String WEBJARS = "/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final WebJarVersionLocator webJars = new WebJarVersionLocator();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ConsoleHttp.problem(exchange, 405, "Method Not Allowed", method + " is not served here");
                return;
            }
            Optional<String> resource = resource(exchange.getRequestURI().getPath());
            InputStream content = resource.map(path -> StaticFiles.class.getClassLoader().getResourceAsStream(path)).orElse(null);
            if (content == null) {
                ConsoleHttp.problem(exchange, 404, "Not Found", "no such page: " + exchange.getRequestURI().getPath());
                return;
            }
            try (content) {
                byte[] body = content.readAllBytes();
                String name = resource.get();
                exchange.getResponseHeaders().set("Content-Type",
                        TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
                // Edits show on reload; everything is local, so revalidating costs nothing.
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                boolean head = method.equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : body.length);
                if (!head) {
                    exchange.getResponseBody().write(body);
                }
            }
        }
    }

    /** The class path resource for a request path; empty for anything that is not a plain file name below the root. */
    private Optional<String> resource(String path) {
        if (path.equals("/") || path.equals("/index.html")) {
            return Optional.of(ROOT + "index.html");
        }
        if (!path.matches("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+")) {
            return Optional.empty();
        }
        if (path.startsWith(WEBJARS)) {
            String rest = path.substring(WEBJARS.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? Optional.empty() : Optional.ofNullable(webJars.fullPath(rest.substring(0, slash), rest.substring(slash + 1)));
        }
        return Optional.of(ROOT + path.substring(1));
    }
}
