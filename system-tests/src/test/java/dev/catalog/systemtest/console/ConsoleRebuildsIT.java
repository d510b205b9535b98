package dev.catalog.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.systemtest.support.Rebuilds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's rebuilds page, in a real browser: a rebuild started from the form and followed on the state machine
 * to SUCCEEDED, a rollback, and a rebuild the state machine refuses, with its error as Step Functions reports it.
 */
class ConsoleRebuildsIT extends BrowserTest {

    /** The states in the order a run passes them; the replay loop is one step. */
    private static final List<List<String>> ORDER = List.of(List.of("Prepare"), List.of("Replay", "Replayed?"), List.of("Verify"),
            List.of("Verified?"), List.of("CutOver"), List.of("Rebuilt"));


    @Test
    void a_rebuild_started_in_the_console_reaches_succeeded_with_the_highlight_following_it_and_rolls_back() {
        int liveBefore = liveVersion("detail");
        long logged = stack.db().count("select count(*) from outbox");
        browser.go("#/rebuilds");
        new Select(browser.find("#rebuild-projection")).selectByValue("detail");
        browser.find("details.pace summary").click();
        // Small batches, one per replay task: a loop of a couple of hundred turns (a few seconds) the page can follow.
        browser.find("#batch-events").sendKeys(Long.toString(Math.max(1, logged / 200)));
        browser.find("#slice-seconds").sendKeys("0");
        browser.find("#start-rebuild").click();
        browser.await(page -> page.getCurrentUrl().contains("#/rebuilds/executions/") ? true : null);

        List<String> highlighted = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        browser.await(Duration.ofMinutes(3), page -> {
            // The highlighted state and its title, which counts the loop's turns ("Replay: running, entered 7 times").
            Object current = browser.script("return document.querySelector('.state-graph [aria-current=step]')?.dataset.state ?? null");
            Object turn = browser.script("return document.querySelector('.state-graph [aria-current=step] title')?.textContent ?? null");
            if (current != null && (highlighted.isEmpty() || !highlighted.getLast().equals(current))) {
                highlighted.add((String) current);
            }
            if (turn != null && (moves.isEmpty() || !moves.getLast().equals(turn))) {
                moves.add((String) turn);
            }
            return "SUCCEEDED".equals(browser.script("return document.getElementById('execution-status')?.textContent ?? null"));
        });

        // Which states a poll catches depends on the machine's load (Prepare, Verify and CutOver can pass between two
        // polls); the replay loop lasts a few dozen turns, so the highlight is seen moving, from state to state or from
        // one turn of the loop to the next. The whole path is checked below.
        assertThat(moves).as("the highlight moved while it ran").hasSizeGreaterThan(1);
        assertThat(highlighted.stream().map(ConsoleRebuildsIT::step).toList()).as("in the order of the state machine: " + highlighted)
                .isSorted().doesNotContain(-1);
        assertThat(browser.count(".state-graph [aria-current]")).isZero();
        for (List<String> states : ORDER) {
            for (String state : states) {
                assertThat(browser.attribute(".state[data-state='" + state + "']", "data-status")).as(state).isEqualTo("succeeded");
            }
        }
        assertThat(browser.attribute(".state[data-state='End']", "data-status")).isEqualTo("succeeded");
        assertThat(browser.attribute(".state[data-state='Abort']", "data-status")).isEqualTo("pending");
        assertThat(browser.text("#history")).contains("ExecutionSucceeded");
        int rebuilt = liveVersion("detail");
        assertThat(rebuilt).isGreaterThan(liveBefore);
        long replayed = stack.db().count("select events_replayed from projection_version where projection = 'detail' and version = ?", rebuilt);
        assertThat(browser.text("#events-replayed")).isEqualTo(String.format("%,d", replayed));
        browser.screenshot("rebuild-execution");

        browser.go("#/rebuilds");
        browser.find("tr[data-version='" + rebuilt + "'][data-status='LIVE']");
        browser.find("#rollback-detail").click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();

        assertThat(browser.text("#rollback-outcome-detail .notice"))
                .startsWith("detail v" + liveBefore + " is LIVE again in place of v" + rebuilt + ", caught up on ");
        assertThat(liveVersion("detail")).isEqualTo(liveBefore);
        browser.find("[data-projection='detail'] tr[data-version='" + liveBefore + "'][data-status='LIVE']");
        browser.find("[data-projection='detail'] tr[data-version='" + rebuilt + "'][data-status='RETIRED']");
        browser.screenshot("rebuilds");

        // A second rollback in a row would bring back the version just rejected: refused, and the page says why.
        browser.find("#rollback-detail").click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        String refused = browser.text("#rollback-outcome-detail .problem");
        assertThat(refused).contains("Rollback refused", "a second rollback in a row", "--to-version");
        assertThat(liveVersion("detail")).isEqualTo(liveBefore);
        browser.screenshot("rollback-refused");
    }

    @Test
    void a_from_sequence_beyond_the_event_log_gets_the_rebuilds_own_error_shown_plainly() {
        long beyond = stack.db().count("select coalesce(max(sequence), 0) from outbox") + 1_000_000;
        int liveBefore = liveVersion("search");
        browser.go("#/rebuilds");
        new Select(browser.find("#rebuild-projection")).selectByValue("search");
        browser.find("#from-sequence").sendKeys(Long.toString(beyond));
        browser.find("#start-rebuild").click();

        String shown = browser.await(Duration.ofMinutes(2), page -> page.findElements(org.openqa.selenium.By.id("execution-error")).stream()
                .findFirst().map(error -> error.getText()).orElse(null));
        assertThat(browser.text("#execution-status")).isEqualTo("FAILED");
        assertThat(shown).contains("IllegalArgumentException").contains("fromSequence " + beyond + " is beyond the end of the event log");
        assertThat(browser.attribute(".state[data-state='Prepare']", "data-status")).isEqualTo("caught");
        assertThat(browser.attribute(".state[data-state='RebuildFailed']", "data-status")).isEqualTo("failed");
        assertThat(liveVersion("search")).isEqualTo(liveBefore);
        browser.screenshot("rebuild-refused");
    }

    private int liveVersion(String projection) {
        Map<String, Object> live = Rebuilds.live(stack.db(), projection);
        return ((Number) live.get("version")).intValue();
    }

    private static int step(String state) {
        for (int i = 0; i < ORDER.size(); i++) {
            if (ORDER.get(i).contains(state)) {
                return i;
            }
        }
        return -1;
    }
}
