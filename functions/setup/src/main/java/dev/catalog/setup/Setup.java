package dev.catalog.setup;

import java.util.Map;

/** The work of the setup step; it must be safe to run again on every deploy. */
@FunctionalInterface
public interface Setup {

    /** @return the attributes the template reads from the setup resource */
    Map<String, String> run(SetupRequest request);
}
