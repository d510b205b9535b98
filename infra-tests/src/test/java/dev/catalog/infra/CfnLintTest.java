package dev.catalog.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml as AWS's own linter sees it: no error and no warning but those infra-tests/cfn-lint-ignore.txt
 * explains. One cfn-lint run lints the template and a broken copy of it (tens of seconds: it loads every resource
 * specification and runs the SAM transform). In CI ({@code CI} set), where {@code .ci/run} installs cfn-lint, a
 * missing command fails; elsewhere these tests are skipped with a warning saying how to install it.
 */
class CfnLintTest {

    private static final Repository REPOSITORY = Repository.current();
    private static final String BROKEN = "broken-template.yaml";

    @TempDir
    static Path directory;

    private static List<CfnLint.Finding> template;
    private static List<CfnLint.Finding> broken;

    @BeforeAll
    static void lint() throws IOException {
        if (!CfnLint.installed()) {
            String missing = "no 'cfn-lint' command on PATH, so template.yaml is not linted (install it: pip install cfn-lint)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + "; .ci/run should have installed it");
            }
            System.err.println("WARNING: " + missing + ". CfnLintTest is SKIPPED.");
            Assumptions.abort(missing);
        }
        String text = Repository.read(REPOSITORY.template());
        String oneTopic = "Topics: [catalog.events]";
        assertThat(text).contains(oneTopic);
        // What Lambda refuses and SAM's schema allows: one mapping on several topics.
        Path copy = directory.resolve(BROKEN);
        int at = text.indexOf(oneTopic);
        Files.writeString(copy, text.substring(0, at)
                + "Topics: [catalog.product, catalog.category, catalog.inventory, catalog.heartbeat]"
                + text.substring(at + oneTopic.length()));

        List<CfnLint.Finding> findings = CfnLint.lint(REPOSITORY.root(), Path.of("template.yaml"), copy);
        template = findings.stream().filter(finding -> finding.file().equals("template.yaml")).toList();
        broken = findings.stream().filter(finding -> finding.file().equals(BROKEN)).toList();
    }

    @Test
    void template_has_no_finding_but_those_explained_in_the_ignore_file() {
        CfnLintIgnores ignores = ignores();

        assertThat(ignores.unexplained(template)).as("cfn-lint findings not in cfn-lint-ignore.txt").isEmpty();
        assertThat(ignores.unused(template)).as("cfn-lint-ignore.txt entries that match nothing any more").isEmpty();
    }

    @Test
    void finds_an_event_source_mapping_with_more_than_one_topic() {
        assertThat(ignores().unexplained(broken)).anySatisfy(finding -> {
            assertThat(finding.rule()).isEqualTo("E3032");
            assertThat(finding.message()).contains("expected maximum item count: 1, found: 4");
        });
    }

    @Test
    void refuses_an_ignore_entry_without_a_reason() {
        assertThatThrownBy(() -> CfnLintIgnores.parse("W1030 Resources/DebeziumService\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }

    private static CfnLintIgnores ignores() {
        return CfnLintIgnores.parse(Repository.read(REPOSITORY.root().resolve("infra-tests/cfn-lint-ignore.txt")));
    }
}
