package dev.catalog.local.template;

import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.platform.http.ProblemCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the API documentation in step with what is built: docs/openapi.yaml and docs/API.md must name exactly the
 * routes template.yaml gives the HTTP API, and exactly the problem codes the code can answer.
 */
class ApiDocumentationTest {

    /** The repository root: Maven passes it; from the module directory it is two levels up. */
    private static final Path PROJECT = Path.of(System.getProperty("catalog.project.dir", "../..")).toAbsolutePath().normalize();

    /** A row of API.md's route table: | `POST /products` | `CreateProductFunction` | ... */
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\| `([A-Z]+ /[^`]*)` \\| `(\\w+)` \\|", Pattern.MULTILINE);
    /** A row of API.md's table of problem codes: | 422 | `price_precision` | ... */
    private static final Pattern CODE_ROW = Pattern.compile("^\\| (\\d{3}) \\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    /** This test reads routes, not values: every reference the template makes gets a placeholder. */
    private static final IntrinsicResolver ANY_VALUE = new IntrinsicResolver() {
        @Override
        public Optional<String> ref(String logicalName) {
            return Optional.of("unused-" + logicalName);
        }

        @Override
        public Optional<String> getAtt(String logicalId, String attribute) {
            return Optional.of("unused-" + logicalId + "." + attribute);
        }
    };

    private static SwaggerParseResult openApi;
    private static String apiMarkdown;

    @BeforeAll
    static void readDocuments() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        openApi = new OpenAPIV3Parser().readContents(Files.readString(PROJECT.resolve("docs/openapi.yaml")), null, options);
        apiMarkdown = Files.readString(PROJECT.resolve("docs/API.md"));
    }

    @Test
    void openapi_document_is_valid_openapi_3_1() {
        assertThat(openApi.getMessages()).as("what the parser found wrong in docs/openapi.yaml").isEmpty();
        assertThat(openApi.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void openapi_operations_are_exactly_the_routes_of_the_template() {
        assertThat(openApiOperations()).isEqualTo(templateRoutes().keySet());
    }

    @Test
    void api_md_route_table_names_every_route_of_the_template_with_its_function() {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROUTE_ROW.matcher(apiMarkdown);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }

        assertThat(documented).isEqualTo(templateRoutes());
    }

    @Test
    void openapi_problem_codes_are_exactly_the_codes_the_code_can_answer() {
        OpenAPI api = openApi.getOpenAPI();
        Schema<?> problemCode = api.getComponents().getSchemas().get("ProblemCode");
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");

        assertThat(problem.getProperties().get("code").get$ref()).isEqualTo("#/components/schemas/ProblemCode");
        assertThat(problemCode.getEnum()).map(String::valueOf).containsExactlyInAnyOrderElementsOf(problemCodes());
    }

    @Test
    void api_md_error_table_lists_exactly_the_codes_the_code_can_answer_with_their_status() {
        Map<String, Integer> documented = new TreeMap<>();
        Matcher row = CODE_ROW.matcher(apiMarkdown);
        while (row.find()) {
            documented.put(row.group(2), Integer.parseInt(row.group(1)));
        }

        assertThat(documented.keySet()).isEqualTo(problemCodes());
        // The edge's own codes carry their status; the model's get theirs from the kind of rejection.
        assertThat(documented).containsAllEntriesOf(Arrays.stream(ProblemCode.values())
                .collect(toMap(ProblemCode::wireName, ProblemCode::status)));
    }

    /** Route key ({@code POST /products}) to the logical id of the function it invokes. */
    private static Map<String, String> templateRoutes() {
        SamTemplate template = SamTemplate.load(PROJECT.resolve("template.yaml"), ANY_VALUE);
        Map<String, String> routes = new TreeMap<>();
        template.functions().values().forEach(function -> function.events(HttpApiEvent.class)
                .forEach(event -> routes.put(event.routeKey(), function.logicalId())));
        return routes;
    }

    private static Set<String> openApiOperations() {
        Set<String> operations = new TreeSet<>();
        openApi.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet().forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    /** Every code a problem can carry: the model's rejection codes and the edge's own. */
    private static Set<String> problemCodes() {
        return Stream.concat(
                        Arrays.stream(RejectionCode.values()).map(RejectionCode::wireName),
                        Arrays.stream(ProblemCode.values()).map(ProblemCode::wireName))
                .collect(toCollection(TreeSet::new));
    }
}
