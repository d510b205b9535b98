package dev.catalog.local.cli;

import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackPorts;
import dev.catalog.local.stack.StackSettings;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog up}: starts everything and serves until Ctrl-C or {@code ./catalog down}. */
@Command(name = "up", description = "Start the whole system locally and serve the API on http://127.0.0.1:3000 until Ctrl-C or ./catalog down.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--fresh", description = "Wipe the local data (.local/data) first.")
    private boolean fresh;

    @Option(names = "--free-ports", description = "Serve on free ports instead of the documented ones, beside another "
            + "stack; the other commands find them in .local/run/stack.json.")
    private boolean freePorts;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path projectDir = CatalogCommand.projectDir();
        var running = StackRecord.running(projectDir);
        if (running.isPresent()) {
            System.err.println("Catalog is already running (pid " + running.get().pid() + "). Stop it with ./catalog down.");
            return 1;
        }
        StackSettings local = StackSettings.local(projectDir, fresh);
        StackSettings settings = freePorts ? new StackSettings(projectDir, local.layout(), StackPorts.free(), fresh) : local;
        PrintStream console = System.out;
        // Functions log JSON through their own Log4j to standard output: in a file, not over the console.
        Path functionsLog = settings.layout().logFile("functions");
        Files.createDirectories(functionsLog.getParent());
        System.setOut(new PrintStream(new FileOutputStream(functionsLog.toFile(), true), true, StandardCharsets.UTF_8));

        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("Stopping Catalog...");
            stack.close();
            StackRecord.remove(projectDir);
            stopped.countDown();
        }, "catalog-down"));
        new StackRecord(ProcessHandle.current().pid(), Instant.now(), settings.ports()).write(projectDir);

        console.println("Catalog API ready on " + stack.apiUrl().toString().replaceAll("/$", ""));
        console.println("  Console         " + stack.consoleUrl());
        console.println("  AWS endpoint    " + stack.awsEndpoint().url());
        console.println("  token           ./catalog token --tenant demo");
        console.println("  logs            " + settings.layout().root().resolve("logs"));
        console.flush();
        stopped.await();
        return 0;
    }
}
