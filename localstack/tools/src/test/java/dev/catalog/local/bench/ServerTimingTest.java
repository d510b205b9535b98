package dev.catalog.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimingTest {

    @Test
    void reads_opensearch_s_entry_of_a_server_timing_header() {
        assertThat(SearchBenchmark.openSearchMillis("opensearch;dur=12")).contains(12L);
        assertThat(SearchBenchmark.openSearchMillis("cache;dur=1, opensearch;dur=7")).contains(7L);
    }

    @Test
    void finds_nothing_in_a_header_without_it() {
        assertThat(SearchBenchmark.openSearchMillis("db;dur=3")).isEmpty();
        assertThat(SearchBenchmark.openSearchMillis("myopensearch;dur=3")).isEmpty();
    }
}
