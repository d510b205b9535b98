package dev.catalog.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command that runs to completion before a service starts (formatting Kafka's storage, say). Its output goes
 * to the service's log, so a failure is explained in the same place as the service's own errors.
 *
 * @param name       what it does, for messages ("kafka storage format")
 * @param command    the program and its arguments
 * @param workingDir where it runs
 * @param logFile    where its output is appended
 */
public record OneShotCommand(String name, List<String> command, Path workingDir, Path logFile) {

    public OneShotCommand {
        command = List.copyOf(command);
    }

    /** Runs the command; throws when it fails or outlasts {@code timeout}, with the end of the log. */
    public void run(Duration timeout) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ServiceStartException(name + " did not finish within " + timeout.toSeconds() + " s; see "
                        + logFile);
            }
            if (process.exitValue() != 0) {
                throw new ServiceStartException(name + " failed with status " + process.exitValue()
                        + "; the end of " + logFile + ":\n" + LogTail.of(logFile, 30));
            }
        } catch (IOException e) {
            throw new ServiceStartException("cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while running " + name);
        }
    }
}
