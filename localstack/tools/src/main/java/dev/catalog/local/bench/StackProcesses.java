package dev.catalog.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time the processes of a running stack have used, grouped by service, read from {@code /proc} as
 * {@code utime + stime + cutime + cstime} (fields 14-17 of {@code /proc/<pid>/stat}): the children's fields count
 * the PostgreSQL backends that have already exited and were waited for. PostgreSQL's postmaster is not a child of the
 * runtime (pg_ctl daemonizes it), so it is found as the parent of a backend and counted with all of its children.
 */
final class StackProcesses {

    /** The services a stack's processes belong to, in the order they are printed. */
    static final List<String> SERVICES = List.of("local runtime", "OpenSearch", "Kafka", "Debezium Server", "PostgreSQL");

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private final long runtimePid;
    private final long postmasterPid;
    private final Path proc = Path.of("/proc");

    /**
     * @param runtimePid    the pid of {@code ./catalog up}'s JVM
     * @param postmasterPid the pid of the stack's PostgreSQL postmaster: see {@link #postmasterOf}
     */
    StackProcesses(long runtimePid, long postmasterPid) {
        this.runtimePid = runtimePid;
        this.postmasterPid = postmasterPid;
    }

    /** The postmaster of a PostgreSQL backend that is still running ({@code select pg_backend_pid()} on an open connection). */
    static long postmasterOf(long backendPid) {
        return ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL backend " + backendPid + " has no parent to be found"));
    }

    /** CPU milliseconds used so far by the runtime and each service it started, by {@link #SERVICES} name. */
    Map<String, Double> cpuMillis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        SERVICES.forEach(service -> millis.put(service, 0.0));
        ProcessHandle runtime = ProcessHandle.of(runtimePid)
                .orElseThrow(() -> new IllegalStateException("the stack's process " + runtimePid + " is not running"));
        try (Stream<ProcessHandle> descendants = runtime.descendants()) {
            descendants.forEach(process -> millis.merge(service(commandLine(process.pid())), cpuMillis(process.pid()), Double::sum));
        }
        millis.merge("local runtime", cpuMillis(runtimePid), Double::sum);
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster " + postmasterPid + " is not running"));
        try (Stream<ProcessHandle> backends = postmaster.descendants()) {
            Stream.concat(Stream.of(postmaster), backends)
                    .forEach(process -> millis.merge("PostgreSQL", cpuMillis(process.pid()), Double::sum));
        }
        return millis;
    }

    /** Which service a process belongs to, by its command line; "other" for one that is none of them. */
    static String service(String commandLine) {
        if (commandLine.contains("org.opensearch.bootstrap.OpenSearch")) {
            return "OpenSearch";
        }
        if (commandLine.contains("io.debezium.server")) {
            return "Debezium Server";
        }
        if (commandLine.contains("kafka.Kafka")) {
            return "Kafka";
        }
        return "other";
    }

    /**
     * utime + stime + cutime + cstime of one {@code /proc/<pid>/stat} line, in milliseconds. The second field (the
     * command name, in parentheses) may itself hold spaces and parentheses, so fields are counted after its last ')'.
     */
    static double cpuMillisOfStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime is field 14, so fields[11]; then stime, cutime, cstime
        long ticks = 0;
        for (int field = 11; field <= 14; field++) {
            ticks += Long.parseLong(fields[field]);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private double cpuMillis(long pid) {
        try {
            return cpuMillisOfStat(Files.readString(proc.resolve(pid + "/stat"), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException exited) {
            return 0; // exited between the listing and the read: its time is in its parent's cutime once waited for
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc.resolve(pid + "/stat"), e);
        }
    }

    private String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(proc.resolve(pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException exited) {
            return "";
        }
    }
}
