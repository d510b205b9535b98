package dev.catalog.local.stepfunctions.asl;

import java.util.Map;

/** {@code StartAt} and {@code States}: the top level of a machine, a Parallel branch or a Map's item processor. */
public record StateGraph(String startAt, Map<String, State> states) {

    public StateGraph {
        states = Map.copyOf(states);
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("no state '" + name + "' (the definition was validated, so this is a bug)");
        }
        return state;
    }
}
