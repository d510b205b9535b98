package dev.catalog.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackProcessesTest {

    @Test
    void cpu_time_is_the_sum_of_user_system_and_waited_for_children_in_ticks() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 900 0 3 0 1200 300 40 10 20 0 57 0 123 456";

        assertThat(StackProcesses.cpuMillisOfStat(stat)).isEqualTo((1200 + 300 + 40 + 10) * 10.0);
    }

    @Test
    void a_command_name_with_spaces_and_parentheses_does_not_shift_the_fields() {
        String stat = "77 (postgres: walwriter (x) ) S 1 77 77 0 -1 4194560 900 0 3 0 5 6 7 8 20 0 1 0 123 456";

        assertThat(StackProcesses.cpuMillisOfStat(stat)).isEqualTo((5 + 6 + 7 + 8) * 10.0);
    }

    @Test
    void this_process_reads_as_having_used_cpu() throws Exception {
        String own = Files.readString(Path.of("/proc/self/stat"));

        assertThat(StackProcesses.cpuMillisOfStat(own)).isPositive();
    }

    @Test
    void services_are_told_apart_by_their_main_class() {
        assertThat(StackProcesses.service("/usr/lib/jvm/bin/java -Xmx1g -cp lib/* org.opensearch.bootstrap.OpenSearch")).isEqualTo("OpenSearch");
        assertThat(StackProcesses.service("java -cp x io.debezium.server.Main")).isEqualTo("Debezium Server");
        assertThat(StackProcesses.service("java -cp libs/* kafka.Kafka server.properties")).isEqualTo("Kafka");
        assertThat(StackProcesses.service("/bin/sh -c true")).isEqualTo("other");
    }
}
