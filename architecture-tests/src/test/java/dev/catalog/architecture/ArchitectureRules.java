package dev.catalog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The architecture the README describes, as rules on classes. */
final class ArchitectureRules {

    static final String DOMAIN = "dev.catalog.domain..";
    static final String LOCAL_RUNTIME = "dev.catalog.local..";
    static final String WRITE_SIDE = "dev.catalog.command..";
    static final String[] READ_SIDE = {"dev.catalog.query..", "dev.catalog.projection..", "dev.catalog.rebuild.."};

    static final ArchRule DOMAIN_IMPORTS_ONLY_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the model decides on its own: no JDBC, AWS, HTTP, JSON or framework type takes part in a rule");

    static final ArchRule NO_PRODUCTION_CODE_IMPORTS_THE_LOCAL_RUNTIME = noClasses()
            .that().resideInAPackage("dev.catalog..").and().resideOutsideOfPackage(LOCAL_RUNTIME)
            .should().dependOnClassesThat().resideInAPackage(LOCAL_RUNTIME)
            .because("the functions run in AWS without it: the local runtime hosts them, never the other way round");

    static final ArchRule WRITE_SIDE_NEVER_IMPORTS_THE_READ_SIDE = noClasses().that().resideInAPackage(WRITE_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(READ_SIDE)
            .because("commands decide on the write model only; the read models are derived from its events");

    static final ArchRule READ_SIDE_NEVER_IMPORTS_THE_WRITE_SIDE = noClasses().that().resideInAnyPackage(READ_SIDE)
            .should().dependOnClassesThat().resideInAPackage(WRITE_SIDE)
            .because("the read side learns about changes from the event log alone, never from the command code");

    private ArchitectureRules() {
    }
}
