package org.ecgchat.examples.demo;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a demo run shows while it works: one numbered line per phase and, on a terminal, a
 * progress bar for the long ones (without a terminal the libraries' periodic log lines show the
 * progress instead).
 */
public final class DemoConsole {

    /** Phases of a run, for the {@code [k/N]} numbering. */
    static final int PHASES = 6;

    private final PrintWriter out;
    private final boolean bars;

    /**
     * @param out  where phase lines go
     * @param bars show progress bars (on standard error)
     */
    public DemoConsole(PrintWriter out, boolean bars) {
        this.out = out;
        this.bars = bars;
    }

    /** Prints the start of phase {@code k}. */
    void phase(int k, String text) {
        out.printf("[%d/%d] %s%n", k, PHASES, text);
        out.flush();
    }

    /** Prints a detail of the current phase. */
    void info(String text) {
        out.println("      " + text);
        out.flush();
    }

    /** A progress bar over {@code max} units, or one that shows nothing when bars are off. */
    Bar bar(String task, long max, String unit) {
        if (!bars) {
            return new Bar(null);
        }
        return new Bar(new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    /** A progress bar that may show nothing; safe to step from several threads. */
    static final class Bar implements AutoCloseable {
        private final ProgressBar bar;

        private Bar(ProgressBar bar) {
            this.bar = bar;
        }

        void step(int n) {
            if (bar != null) {
                bar.stepBy(n);
            }
        }

        void stepTo(long n, String message) {
            if (bar != null) {
                bar.stepTo(n);
                bar.setExtraMessage(" " + message);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
