package dev.catalog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rules, checked on the classes of every production module (the functions and the libraries they share). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private JavaClasses production;

    @BeforeAll
    void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.catalog");
    }

    @Test
    void the_rules_see_every_production_module() {
        Set<String> packages = production.stream().map(JavaClass::getPackageName)
                .map(name -> name.split("\\.")[2]).collect(Collectors.toSet());

        assertThat(packages).contains("domain", "platform", "search", "command", "query", "projection", "rebuild", "setup");
    }

    @Test
    void the_domain_imports_only_the_jdk() {
        check(ArchitectureRules.DOMAIN_IMPORTS_ONLY_THE_JDK);
    }

    @Test
    void no_production_code_imports_the_local_runtime() {
        check(ArchitectureRules.NO_PRODUCTION_CODE_IMPORTS_THE_LOCAL_RUNTIME);
    }

    @Test
    void the_write_side_never_imports_the_read_side() {
        check(ArchitectureRules.WRITE_SIDE_NEVER_IMPORTS_THE_READ_SIDE);
    }

    @Test
    void the_read_side_never_imports_the_write_side() {
        check(ArchitectureRules.READ_SIDE_NEVER_IMPORTS_THE_WRITE_SIDE);
    }

    private void check(ArchRule rule) {
        rule.check(production);
    }
}
