package dev.catalog.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.stack.StackStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's files as a browser fetches them: the page, its scripts, the chart from its webjar, nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticFilesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleServer console;

    @BeforeAll
    void start() throws Exception {
        // Nothing behind it: the files need none of the stack.
        URI nowhere = URI.create("http://127.0.0.1:" + FreePorts.next());
        console = ConsoleServer.start(0, new ConsoleSources(nowhere, nowhere,
                new PostgresConnection("127.0.0.1", FreePorts.next(), "catalog", "catalog", "catalog"), "127.0.0.1:1",
                tenant -> "token", () -> new StackStatus(Instant.now(), List.of(), List.of(), List.of(), List.of(), List.of(), 0L)));
    }

    @AfterAll
    void stop() {
        console.close();
    }

    @Test
    void serves_the_page_at_the_root() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>Catalog console</title>").contains("/webjars/uplot/dist/uPlot.iife.min.js");
    }

    @Test
    void serves_scripts_as_javascript_and_the_chart_from_its_webjar() throws Exception {
        assertThat(get("/js/app.js").headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        HttpResponse<String> chart = get("/webjars/uplot/dist/uPlot.iife.min.js");

        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("uPlot");
    }

    @Test
    void answers_404_for_what_is_not_one_of_its_files() throws Exception {
        for (String path : List.of("/nothing.js", "/webjars/nothing/dist/x.js", "/.hidden", "/js/%2e%2e/%2e%2e/simplelogger.properties",
                "/META-INF/MANIFEST.MF/..")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).contains("application/problem+json");
        }
    }

    @Test
    void answers_the_consoles_own_unknown_routes_with_a_problem() throws Exception {
        HttpResponse<String> answer = get("/console/nothing");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"detail\":\"the console has no GET nothing\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
