package org.semiont.cli.projections;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Rebuild progress on stderr. On a terminal: one line redrawn in place (bar, events done / total, rate,
 * ETA), at most ten times a second. Elsewhere (a log file, CI): a plain line every few seconds, since
 * carriage returns would pile up into one unreadable line.
 */
public final class ProgressBar {
    static final long REDRAW_NANOS = 100_000_000L;
    static final long LINE_NANOS = 5_000_000_000L;
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final long total;
    private final LongSupplier nanos;
    private final long start;
    private long lastDraw;

    public ProgressBar(PrintWriter err, boolean terminal, long total, LongSupplier nanos) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastDraw = start;
    }

    /**
     * Java 17 cannot ask whether stderr alone is a terminal; a console means stdin and stdout are, which is
     * the interactive case. A dumb terminal cannot redraw a line.
     */
    public static boolean stderrLooksLikeTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    public void update(long done) {
        long now = nanos.getAsLong();
        if (now - lastDraw < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastDraw = now;
        draw(done, now);
    }

    /** Draws the final state and ends the line. */
    public void finish(long done) {
        draw(done, nanos.getAsLong());
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    private void draw(long done, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        String counts = String.format(Locale.ROOT, "%,d / %,d events", done, total);
        String speed = String.format(Locale.ROOT, "%,.0f events/s", rate);
        String eta = rate > 0 && done < total ? "ETA " + duration((long) Math.ceil((total - done) / rate)) : "ETA 0s";
        if (terminal) {
            err.print("\r" + bar(done) + ' ' + percent(done) + "  " + counts + "  " + speed + "  " + eta + "   ");
        } else {
            err.println("rebuilding: " + counts + " (" + percent(done) + "), " + speed + ", " + eta);
        }
        err.flush();
    }

    private String bar(long done) {
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private String percent(long done) {
        return total <= 0 ? "100%" : Math.min(100, done * 100 / total) + "%";
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
    }
}
