package dev.catalog.local.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route's path: literal segments, path variables ({@code {id}}, one whole segment) and, last only, a greedy
 * variable ({@code {proxy+}}, one segment or more).
 */
record PathTemplate(String path, List<Segment> segments) {

    sealed interface Segment {
        /** How specific a segment is: a literal beats a variable, which beats a greedy variable. */
        int specificity();
    }

    record Literal(String text) implements Segment {
        @Override
        public int specificity() {
            return 2;
        }
    }

    record Variable(String name) implements Segment {
        @Override
        public int specificity() {
            return 1;
        }
    }

    record Greedy(String name) implements Segment {
        @Override
        public int specificity() {
            return 0;
        }
    }

    PathTemplate {
        segments = List.copyOf(segments);
    }

    static PathTemplate parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with /, found " + path);
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                String name = part.substring(1, part.length() - 1);
                if (name.endsWith("+")) {
                    if (i != parts.length - 1) {
                        throw new IllegalArgumentException("a greedy path variable must end the path: " + path);
                    }
                    segments.add(new Greedy(name.substring(0, name.length() - 1)));
                } else {
                    segments.add(new Variable(name));
                }
            } else {
                segments.add(new Literal(part));
            }
        }
        return new PathTemplate(path, segments);
    }

    boolean isGreedy() {
        return !segments.isEmpty() && segments.getLast() instanceof Greedy;
    }

    /** The path parameters when the request's decoded segments match; empty otherwise. */
    Optional<Map<String, String>> match(List<String> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Greedy greedy) {
                List<String> rest = request.subList(Math.min(i, request.size()), request.size());
                String value = String.join("/", rest);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(greedy.name(), value);
                return Optional.of(parameters);
            }
            if (i >= request.size()) {
                return Optional.empty();
            }
            String actual = request.get(i);
            switch (segment) {
                case Literal literal when !literal.text().equals(actual) -> {
                    return Optional.empty();
                }
                case Variable variable when actual.isEmpty() -> {
                    return Optional.empty();
                }
                case Variable variable -> parameters.put(variable.name(), actual);
                default -> {
                    // a literal that matches
                }
            }
        }
        return segments.size() == request.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Segment by segment, the more specific path first. */
    static int compareSpecificity(PathTemplate a, PathTemplate b) {
        int[] left = a.segments.stream().mapToInt(Segment::specificity).toArray();
        int[] right = b.segments.stream().mapToInt(Segment::specificity).toArray();
        return Arrays.compare(right, left);
    }
}
