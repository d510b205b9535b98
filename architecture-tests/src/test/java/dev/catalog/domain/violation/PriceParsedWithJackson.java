package dev.catalog.domain.violation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A deliberate violation, for ArchitectureRulesCatchViolationsTest: domain code that reaches for JSON. */
public final class PriceParsedWithJackson {

    public Object parse(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }
}
