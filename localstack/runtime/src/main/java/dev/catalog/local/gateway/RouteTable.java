package dev.catalog.local.gateway;

import dev.catalog.local.template.HttpApi;
import dev.catalog.local.template.HttpApiAuthorizer;
import dev.catalog.local.template.HttpApiEvent;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.local.template.ServerlessFunction;
import dev.catalog.local.template.TemplateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of one HTTP API of the template, and API Gateway's route selection: of the routes that match a request,
 * a full match wins over one through a greedy {@code {proxy+}} variable, then the more specific path (literal
 * segments over variables, left to right), then an explicit method over {@code ANY}; {@code $default} takes what
 * nothing else matches.
 */
public final class RouteTable {

    private static final Comparator<Route> MOST_SPECIFIC_FIRST = Comparator
            .comparing((Route route) -> route.path().orElseThrow().isGreedy())
            .thenComparing((a, b) -> PathTemplate.compareSpecificity(a.path().orElseThrow(), b.path().orElseThrow()))
            .thenComparing(route -> route.method().equals(Route.ANY));

    private final String apiLogicalId;
    private final List<Route> routes;
    private final Optional<Route> defaultRoute;

    private RouteTable(String apiLogicalId, List<Route> routes, Optional<Route> defaultRoute) {
        this.apiLogicalId = apiLogicalId;
        this.routes = routes.stream().sorted(MOST_SPECIFIC_FIRST).toList();
        this.defaultRoute = defaultRoute;
    }

    /** The routes of the template's HTTP API, when it has exactly one. */
    public static RouteTable of(SamTemplate template) {
        if (template.httpApis().size() != 1) {
            throw new TemplateException(template.file(), List.of("the local HTTP API serves one HTTP API; name which of "
                    + template.httpApis().keySet() + " to serve"));
        }
        return of(template, template.httpApis().keySet().iterator().next());
    }

    /**
     * The routes the template's functions give the HTTP API {@code apiLogicalId}, each with its authorization.
     *
     * @throws TemplateException when routes collide, or need what the local HTTP API does not offer (an authorizer
     *                           other than JWT, payload format 1.0)
     */
    public static RouteTable of(SamTemplate template, String apiLogicalId) {
        HttpApi api = template.httpApis().get(apiLogicalId);
        if (api == null) {
            throw new TemplateException(template.file(), List.of("no HTTP API " + apiLogicalId + "; the template has "
                    + template.httpApis().keySet()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Route> byKey = new HashMap<>();
        for (ServerlessFunction function : template.functions().values()) {
            for (HttpApiEvent event : function.events(HttpApiEvent.class)) {
                if (!event.apiId().equals(apiLogicalId)) {
                    continue;
                }
                String where = function.logicalId() + ".Events." + event.name();
                if (!event.payloadFormatVersion().equals("2.0")) {
                    problems.add(where + ": payload format " + event.payloadFormatVersion()
                            + " is not served locally, only 2.0");
                }
                route(api, function, event, where, problems).ifPresent(route -> {
                    Route taken = byKey.putIfAbsent(route.routeKey(), route);
                    if (taken != null) {
                        problems.add(where + ": route " + route.routeKey() + " is already "
                                + taken.functionLogicalId() + "'s");
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(template.file(), problems);
        }
        List<Route> routes = byKey.values().stream().filter(route -> !route.isDefault()).toList();
        return new RouteTable(apiLogicalId, routes, byKey.values().stream().filter(Route::isDefault).findFirst());
    }

    private static Optional<Route> route(HttpApi api, ServerlessFunction function, HttpApiEvent event, String where,
                                         List<String> problems) {
        Optional<PathTemplate> path;
        try {
            path = event.isDefaultRoute() ? Optional.empty() : Optional.of(PathTemplate.parse(event.path()));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return Optional.empty();
        }
        Optional<String> authorizerName = event.authorizer().or(api::defaultAuthorizer)
                .filter(name -> !name.equals(HttpApiEvent.NO_AUTHORIZER));
        if (authorizerName.isEmpty()) {
            return Optional.of(new Route(event.routeKey(), event.method(), path, function.logicalId(),
                    new RouteAuthorization.None()));
        }
        HttpApiAuthorizer authorizer = api.authorizers().get(authorizerName.get());
        if (!(authorizer instanceof HttpApiAuthorizer.Jwt jwt)) {
            problems.add(where + ": authorizer " + authorizerName.get() + (authorizer == null
                    ? " is not one of " + api.logicalId() + "'s " + api.authorizers().keySet()
                    : " is not a JWT authorizer; the local HTTP API checks JWTs only"));
            return Optional.empty();
        }
        return Optional.of(new Route(event.routeKey(), event.method(), path, function.logicalId(),
                new RouteAuthorization.Jwt(jwt, event.authorizationScopes())));
    }

    /**
     * The route API Gateway would select for the request.
     *
     * @param segments the request path's segments, percent-decoded
     */
    Optional<RouteMatch> match(String method, List<String> segments) {
        return routes.stream()
                .filter(route -> route.method().equals(method) || route.method().equals(Route.ANY))
                .flatMap(route -> route.path().orElseThrow().match(segments)
                        .map(parameters -> new RouteMatch(route, parameters)).stream())
                .findFirst()
                .or(() -> defaultRoute.map(route -> new RouteMatch(route, Map.of())));
    }

    /** Every route, the $default one included. */
    List<Route> routes() {
        List<Route> all = new ArrayList<>(routes);
        defaultRoute.ifPresent(all::add);
        return all;
    }

    public String apiLogicalId() {
        return apiLogicalId;
    }

    /** Route keys, for the runtime's start-up summary. */
    public List<String> routeKeys() {
        List<String> keys = new ArrayList<>(routes.stream().sorted(Comparator.comparing(Route::routeKey))
                .map(Route::routeKey).toList());
        defaultRoute.ifPresent(route -> keys.add(route.routeKey()));
        return keys;
    }
}
