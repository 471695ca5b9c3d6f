package io.github.attractor.cli.io;

import java.io.PrintStream;

/**
 * A progress bar on stderr for work longer than a second: redrawn in place on a terminal, a line at
 * every quarter otherwise (logs stay readable), silent when disabled.
 */
public final class Progress implements AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private final String label;
    private final long total;
    private final PrintStream err;
    private final boolean tty;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;
    private int lastQuarter;
    private boolean drawn;

    public Progress(String label, long total, boolean enabled) {
        this.label = label;
        this.total = Math.max(1, total);
        this.err = System.err;
        this.tty = System.console() != null;
        this.enabled = enabled;
    }

    /** Marks {@code n} more units done. */
    public synchronized void step(long n) {
        done = Math.min(total, done + n);
        draw(false);
    }

    public synchronized void step() {
        step(1);
    }

    private void draw(boolean last) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS && !last) {
            return;
        }
        double frac = (double) done / total;
        if (tty) {
            if (!last && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) Math.round(frac * width);
            err.printf("\r%-28s [%s%s] %3d%% %6.1fs", label, "#".repeat(filled), " ".repeat(width - filled),
                    Math.round(frac * 100), (now - start) / 1e9);
            drawn = true;
        } else {
            int quarter = (int) Math.floor(frac * 4);
            if (quarter > lastQuarter || last) {
                lastQuarter = quarter;
                err.printf("%s: %d%% (%.1fs)%n", label, Math.round(frac * 100), (now - start) / 1e9);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (enabled && tty && drawn) {
            done = total;
            draw(true);
            err.println();
        }
    }
}
