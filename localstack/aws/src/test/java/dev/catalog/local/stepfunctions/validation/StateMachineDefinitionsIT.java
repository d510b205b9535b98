package dev.catalog.local.stepfunctions.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.stepfunctions.asl.DefinitionParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state machine definition, the project's ({@code infra/statemachine/*.asl.json}) and this module's test
 * machines, passes a real ASL validator (npm {@code asl-validator}) and parses in the local engine. They run
 * elsewhere: the project's rebuild machine on the real functions in system-tests' RebuildIT, each test machine in the
 * engine test that names it.
 */
class StateMachineDefinitionsIT {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    @TempDir
    static Path scratch;

    private static AslValidator validator;

    @BeforeAll
    static void installValidator() {
        validator = AslValidator.installedUnder(Path.of(System.getProperty("catalog.dist.dir", "target/dist")));
    }

    static List<Path> definitions() throws IOException, URISyntaxException {
        Path repository = Path.of(System.getProperty("catalog.repository.root", "../.."));
        Path testMachines = Path.of(StateMachineDefinitionsIT.class.getResource("/statemachines").toURI());
        return Stream.of(repository.resolve("infra/statemachine"), testMachines)
                .filter(Files::isDirectory)
                .flatMap(StateMachineDefinitionsIT::aslFiles)
                .toList();
    }

    private static Stream<Path> aslFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".asl.json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_definition_is_valid_asl_and_parses_in_the_local_engine() throws Exception {
        List<Path> definitions = definitions();
        assertThat(definitions).isNotEmpty();
        return definitions.stream().map(definition -> DynamicTest.dynamicTest(definition.getFileName().toString(), () -> {
            Path deployed = asDeployed(definition);

            AslValidator.Verdict verdict = validator.validate(deployed);

            assertThat(verdict.valid()).as("asl-validator on %s said:%n%s", definition, verdict.report()).isTrue();
            assertThat(DefinitionParser.parse(Files.readString(deployed)).graph().states()).isNotEmpty();
        }));
    }

    @Test
    void the_validator_refuses_a_broken_definition() throws Exception {
        Path broken = Path.of(getClass().getResource("/asl-validator/broken-transition.asl.json").toURI());

        AslValidator.Verdict verdict = validator.validate(broken);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.report()).contains("MISSING_TRANSITION_TARGET").contains("NoSuchState");
    }

    /**
     * The definition as deployed: {@code ${Name}} placeholders (DefinitionSubstitutions) replaced by a Lambda function
     * ARN, the kind of value the template substitutes.
     */
    private static Path asDeployed(Path definition) throws IOException {
        String substituted = PLACEHOLDER.matcher(Files.readString(definition))
                .replaceAll(match -> "arn:aws:lambda:us-east-1:000000000000:function:" + match.group(1));
        Path deployed = scratch.resolve(definition.getFileName());
        Files.writeString(deployed, substituted);
        return deployed;
    }
}
