package dev.catalog.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.local.template.LocalValues;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.local.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteTableTest {

    @TempDir
    Path directory;

    /** The routes of API Gateway's own example for route selection, plus a few of the catalog's. */
    private static final String ROUTES = """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
            %s
            """;

    @Test
    void selects_the_most_specific_route_as_api_gateway_does() throws IOException {
        RouteTable routes = routes(
                route("DogOne", "GET", "/pets/dog/1"),
                route("DogById", "GET", "/pets/dog/{id}"),
                route("Pets", "GET", "/pets/{proxy+}"),
                route("Anything", "ANY", "/{proxy+}"),
                route("Default", null, null));

        assertThat(selected(routes, "GET", "/pets/dog/1")).isEqualTo("DogOne");
        assertThat(selected(routes, "GET", "/pets/dog/2")).isEqualTo("DogById");
        assertThat(selected(routes, "GET", "/pets/cat/1")).isEqualTo("Pets");
        assertThat(selected(routes, "GET", "/test/some-request")).isEqualTo("Anything");
        assertThat(selected(routes, "POST", "/pets/dog/1")).isEqualTo("Anything");
        assertThat(selected(routes, "GET", "/")).isEqualTo("Default");
    }

    @Test
    void prefers_an_explicit_method_to_any() throws IOException {
        RouteTable routes = routes(route("Create", "POST", "/products"), route("Other", "ANY", "/products"));

        assertThat(selected(routes, "POST", "/products")).isEqualTo("Create");
        assertThat(selected(routes, "DELETE", "/products")).isEqualTo("Other");
    }

    @Test
    void gives_path_variables_decoded_and_a_greedy_one_with_its_slashes() throws IOException {
        RouteTable routes = routes(
                route("SetStock", "PUT", "/products/{id}/stock/{warehouse}"),
                route("Files", "GET", "/files/{proxy+}"));

        assertThat(routes.match("PUT", segments("/products/p%201/stock/berlin-1")))
                .hasValueSatisfying(match -> assertThat(match.pathParameters())
                        .containsExactlyInAnyOrderEntriesOf(Map.of("id", "p 1", "warehouse", "berlin-1")));
        assertThat(routes.match("GET", segments("/files/a/b/c.txt")))
                .hasValueSatisfying(match -> assertThat(match.pathParameters()).containsEntry("proxy", "a/b/c.txt"));
    }

    @Test
    void matches_nothing_a_route_does_not_cover_when_there_is_no_default_route() throws IOException {
        RouteTable routes = routes(route("SetStock", "PUT", "/products/{id}/stock/{warehouse}"),
                route("Files", "GET", "/files/{proxy+}"));

        assertThat(routes.match("PUT", segments("/products/p1/stock"))).isEmpty();
        assertThat(routes.match("PUT", segments("/products//stock/berlin"))).isEmpty();
        assertThat(routes.match("GET", segments("/files/"))).isEmpty();
        assertThat(routes.match("GET", segments("/products/p1/stock/berlin"))).isEmpty();
    }

    @Test
    void refuses_two_functions_on_one_route() throws IOException {
        assertThatThrownBy(() -> routes(route("First", "POST", "/products"), route("Second", "post", "/products")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("route POST /products is already");
    }

    @Test
    void refuses_routes_whose_authorizer_it_cannot_run() throws IOException {
        Path template = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          Custom:
                            FunctionArn: arn:aws:lambda:us-east-1:000000000000:function:authorizer
                        DefaultAuthorizer: Custom
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: app.zip
                      Handler: example.Handler
                      Runtime: java21
                      Events:
                        Route:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Api, Path: /things, Method: GET, PayloadFormatVersion: '1.0'}
                """);

        assertThatThrownBy(() -> RouteTable.of(SamTemplate.load(template, LocalValues.none())))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problems()).containsExactly(
                        "Fn.Events.Route: payload format 1.0 is not served locally, only 2.0",
                        "Fn.Events.Route: authorizer Custom is not a JWT authorizer; the local HTTP API checks JWTs only"));
    }

    private RouteTable routes(String... functions) throws IOException {
        Path template = Files.writeString(directory.resolve("template.yaml"), ROUTES.formatted(String.join("\n", functions)));
        return RouteTable.of(SamTemplate.load(template, LocalValues.none()));
    }

    private static String route(String function, String method, String path) {
        String properties = path == null ? "{ApiId: !Ref Api}" : "{ApiId: !Ref Api, Path: '" + path + "', Method: " + method + "}";
        return """
                  %s:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: app.zip
                      Handler: example.%s
                      Runtime: java21
                      Events:
                        Route:
                          Type: HttpApi
                          Properties: %s
                """.formatted(function, function, properties);
    }

    private static String selected(RouteTable routes, String method, String path) {
        Optional<RouteMatch> match = routes.match(method, segments(path));
        assertThat(match).as("%s %s", method, path).isPresent();
        return match.get().route().functionLogicalId();
    }

    private static List<String> segments(String path) {
        return new HttpApiRequest("id", Instant.EPOCH, "GET", path, "", Map.of(), new byte[0], "127.0.0.1",
                "HTTP/1.1", "127.0.0.1", 3000).pathSegments();
    }
}
