package dev.catalog.local.stepfunctions.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm package {@code asl-validator} (AWS-independent ASL schema and transition checks), installed once per checkout
 * under {@code .local/dist/npm/} and run with Node.
 */
final class AslValidator {

    static final String VERSION = "4.0.0";

    private final Path script;

    private AslValidator(Path script) {
        this.script = script;
    }

    /** What the validator said about one definition. */
    record Verdict(boolean valid, String report) {
    }

    /** Installs the validator unless a previous build did, into a scratch directory first so a failed install leaves nothing. */
    static AslValidator installedUnder(Path distDirectory) {
        Path home = distDirectory.resolve("npm").resolve("asl-validator-" + VERSION);
        Path script = home.resolve("node_modules/asl-validator/dist/bin/asl-validator.js");
        if (!Files.exists(script)) {
            Path scratch = distDirectory.resolve("npm").resolve("asl-validator-" + VERSION + ".installing-" + ProcessHandle.current().pid());
            run(List.of("npm", "install", "--prefix", scratch.toString(), "--no-audit", "--no-fund", "--loglevel=error",
                    "asl-validator@" + VERSION), 300);
            try {
                Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.exists(script)) {
                    throw new UncheckedIOException("cannot move the installed asl-validator to " + home, e);
                }
            }
        }
        return new AslValidator(script);
    }

    Verdict validate(Path definition) {
        Output output = run(List.of("node", script.toString(), "--json-path", definition.toString()), 60);
        return new Verdict(output.exitCode() == 0, output.text());
    }

    private record Output(int exitCode, String text) {
    }

    private static Output run(List<String> command, int timeoutSeconds) {
        Process process = null;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (command.getFirst().equals("npm") && process.exitValue() != 0) {
                throw new IllegalStateException("npm could not install asl-validator@" + VERSION + ":\n" + text);
            }
            return new Output(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst() + " (Node.js and npm are needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
