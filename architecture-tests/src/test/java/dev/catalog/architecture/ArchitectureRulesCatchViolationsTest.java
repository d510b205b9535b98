package dev.catalog.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.catalog.command.violation.CommandOnALocalPort;
import dev.catalog.command.violation.CommandReadingTheReadModel;
import dev.catalog.domain.violation.PriceParsedWithJackson;
import dev.catalog.query.violation.QueryAnsweringACommandsResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a deliberate violation: classes in this module's tests that break one rule each, in the
 * packages the rule guards. What keeps a rule from passing because it can no longer see what it should forbid.
 */
class ArchitectureRulesCatchViolationsTest {

    @Test
    void a_domain_class_using_jackson_breaks_the_domain_rule() {
        assertViolates(ArchitectureRules.DOMAIN_IMPORTS_ONLY_THE_JDK, PriceParsedWithJackson.class,
                "com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void production_code_using_the_local_runtime_breaks_the_local_runtime_rule() {
        assertViolates(ArchitectureRules.NO_PRODUCTION_CODE_IMPORTS_THE_LOCAL_RUNTIME, CommandOnALocalPort.class,
                "dev.catalog.local.process.FreePorts");
    }

    @Test
    void a_command_using_the_detail_writer_breaks_the_write_side_rule() {
        assertViolates(ArchitectureRules.WRITE_SIDE_NEVER_IMPORTS_THE_READ_SIDE, CommandReadingTheReadModel.class,
                "dev.catalog.projection.detail.DetailWriter");
    }

    @Test
    void a_query_using_a_command_result_breaks_the_read_side_rule() {
        assertViolates(ArchitectureRules.READ_SIDE_NEVER_IMPORTS_THE_WRITE_SIDE, QueryAnsweringACommandsResult.class,
                "dev.catalog.command.execution.VersionedRef");
    }

    private static void assertViolates(ArchRule rule, Class<?> violation, String forbidden) {
        JavaClasses classes = new ClassFileImporter().importClasses(violation);
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violation.getName())
                .hasMessageContaining(forbidden);
    }
}
