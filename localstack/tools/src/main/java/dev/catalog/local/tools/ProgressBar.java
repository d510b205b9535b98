package dev.catalog.local.tools;

import dev.catalog.local.seed.SeedProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeding's progress on the terminal: one line redrawn in place four times a second (done, rate over the last
 * seconds, ETA, failures). When the output is not a terminal (a pipe, a CI log), a plain line every ten seconds.
 */
final class ProgressBar implements SeedProgress {

    private static final int WIDTH = 30;
    /** The rate is measured over this many of the last redraws, so it follows changes without jumping about. */
    private static final int RATE_WINDOW = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final long[] history = new long[RATE_WINDOW];
    private final long[] historyNanos = new long[RATE_WINDOW];
    private ScheduledExecutorService ticker;
    private long total;
    private long startedNanos;
    private int ticks;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(long products) {
        total = products;
        startedNanos = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("progress").factory());
        long period = terminal ? 250 : 10_000;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void productDone(boolean productFailed) {
        done.incrementAndGet();
        if (productFailed) {
            failed.incrementAndGet();
        }
    }

    @Override
    public synchronized void finished() {
        if (ticker != null) {
            ticker.shutdownNow();
            draw();
            if (terminal) {
                out.println();
            }
        }
    }

    private synchronized void draw() {
        long now = System.nanoTime();
        long count = done.get();
        int slot = ticks++ % RATE_WINDOW;
        int oldest = ticks < RATE_WINDOW ? 0 : ticks % RATE_WINDOW;
        history[slot] = count;
        historyNanos[slot] = now;
        long sinceNanos = ticks <= 1 ? now - startedNanos : now - historyNanos[oldest];
        long sinceCount = ticks <= 1 ? count : count - history[oldest];
        double rate = sinceNanos <= 0 ? 0 : sinceCount / (sinceNanos / 1e9);
        double fraction = total == 0 ? 1 : (double) count / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format("[%s%s] %3.0f%%  %,d/%,d products  %,.0f/s  ETA %s%s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, count, total, rate,
                rate > 0 && count < total ? duration(Duration.ofSeconds((long) ((total - count) / rate))) : "-",
                failed.get() > 0 ? "  failed " + failed.get() : "");
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
