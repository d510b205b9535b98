package dev.catalog.local.gateway;

import java.util.Map;

/** The route a request selected, and the values of its path variables. */
record RouteMatch(Route route, Map<String, String> pathParameters) {

    RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
