package dev.catalog.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.bench.EventLedger.EventKey;
import dev.catalog.local.bench.EventLedger.Stage;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class StepVerdictTest {

    private static final long START = 1_000_000_000L;
    private static final long SECOND = 1_000_000L;
    private static final int EVENTS = 200;

    @Test
    void a_steady_lag_is_sustained() {
        EventLedger ledger = ledger(at -> 40_000, at -> 800_000);

        LagBenchmark.StepVerdict verdict = LagBenchmark.StepVerdict.of(step(100), ledger);

        assertThat(verdict.sustained()).isTrue();
        assertThat(verdict.describe()).isEqualTo("sustained");
        assertThat(verdict.readModelsFirst()).isEqualTo(800_000);
    }

    @Test
    void a_lag_that_grows_through_the_step_is_not_sustained() {
        // The read models fall further behind with every event: 0.5 s at the start, about 4.5 s at the end.
        EventLedger ledger = ledger(at -> 40_000, at -> 500_000 + (at - START) * 2);

        LagBenchmark.StepVerdict verdict = LagBenchmark.StepVerdict.of(step(100), ledger);

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.describe()).isEqualTo("not sustained: the read models' lag grew (Kafka's did not)");
    }

    @Test
    void jitter_within_the_margin_is_sustained() {
        EventLedger ledger = ledger(at -> 40_000, at -> at < START + SECOND ? 300_000 : 550_000);

        assertThat(LagBenchmark.StepVerdict.of(step(100), ledger).sustained()).isTrue();
    }

    @Test
    void events_never_seen_in_the_read_models_fail_the_step() {
        EventLedger ledger = ledger(at -> 40_000, at -> 600_000);
        ledger.committed(new EventKey("product", "lost", 1), START + SECOND);

        LagBenchmark.StepVerdict verdict = LagBenchmark.StepVerdict.of(step(100), ledger);

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.lost()).isEqualTo(1);
    }

    @Test
    void an_api_that_cannot_take_the_rate_fails_the_step() {
        EventLedger ledger = ledger(at -> 40_000, at -> 600_000);

        LagBenchmark.StepVerdict verdict = LagBenchmark.StepVerdict.of(step(300), ledger);

        assertThat(verdict.sustained()).isFalse();
        assertThat(verdict.describe()).startsWith("not sustained: the command API answered fewer than 95 %");
    }

    /** {@value #EVENTS} events over two seconds, each seen on Kafka and in both read models after the given lags. */
    private static EventLedger ledger(LongUnaryOperator kafkaLag, LongUnaryOperator readModelLag) {
        EventLedger ledger = new EventLedger();
        for (int i = 0; i < EVENTS; i++) {
            long committed = START + i * (2 * SECOND / EVENTS);
            EventKey key = new EventKey("product", "p" + i, 1);
            ledger.committed(key, committed);
            ledger.seen(Stage.KAFKA, key, committed + kafkaLag.applyAsLong(committed));
            ledger.seen(Stage.DETAIL, key, committed + readModelLag.applyAsLong(committed) / 2);
            ledger.seen(Stage.SEARCH, key, committed + readModelLag.applyAsLong(committed));
        }
        return ledger;
    }

    /** Two seconds at {@code rate}, of which {@value #EVENTS} commands were answered. */
    private static CommandDriver.Step step(double rate) {
        return new CommandDriver.Step(rate, START, START + 2 * SECOND, EVENTS, EVENTS, 0, 0);
    }
}
