package dev.catalog.local.rebuilds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RebuildControlTest {

    @Test
    void a_from_sequence_typed_as_a_number_goes_to_the_state_machine_as_one() {
        assertThat(RebuildControl.input(new RebuildControl.Request("detail", " 42 ", null, null)).toString())
                .isEqualTo("{\"projection\":\"detail\",\"fromSequence\":42}");
    }

    @Test
    void a_from_sequence_that_is_no_number_goes_as_typed_for_the_rebuild_to_refuse() {
        assertThat(RebuildControl.input(new RebuildControl.Request("search", "abc", null, null)).toString())
                .isEqualTo("{\"projection\":\"search\",\"fromSequence\":\"abc\"}");
    }

    @Test
    void an_empty_from_sequence_and_no_pace_leave_the_state_machines_defaults() {
        assertThat(RebuildControl.input(new RebuildControl.Request("all", "", null, null)).toString())
                .isEqualTo("{\"projection\":\"all\"}");
    }

    @Test
    void a_pace_carries_only_what_was_given() {
        assertThat(RebuildControl.input(new RebuildControl.Request("detail", null, 500, null)).toString())
                .isEqualTo("{\"projection\":\"detail\",\"pace\":{\"batchEvents\":500}}");
    }
}
