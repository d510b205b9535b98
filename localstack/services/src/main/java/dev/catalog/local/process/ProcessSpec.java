package dev.catalog.local.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one service process.
 *
 * @param name        short name used in logs and messages ("kafka")
 * @param command     the program and its arguments
 * @param workingDir  where the process starts; each service instance has its own, which identifies its leftovers
 * @param environment variables added to the inherited environment
 * @param logFile     where stdout and stderr go (appended)
 * @param pidFile     where the pid is recorded, so a later run can stop a process an earlier run left behind
 * @param stopTimeout how long a graceful stop may take before the process is killed
 * @param unprivileged run as an unprivileged user when this JVM runs as root, for services that refuse root
 */
public record ProcessSpec(
        String name,
        List<String> command,
        Path workingDir,
        Map<String, String> environment,
        Path logFile,
        Path pidFile,
        Duration stopTimeout,
        boolean unprivileged) {

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        workingDir = workingDir.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(pidFile, "pidFile");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a process needs a command");
        }
    }

    /** The command line actually executed: when root must step down, through setpriv to uid/gid 65534 (nobody). */
    List<String> effectiveCommand() {
        if (!unprivileged || !Users.isRoot()) {
            return command;
        }
        List<String> dropped = new ArrayList<>(List.of("setpriv", "--reuid=" + Users.UNPRIVILEGED_ID,
                "--regid=" + Users.UNPRIVILEGED_ID, "--clear-groups", "--"));
        dropped.addAll(command);
        return dropped;
    }
}
