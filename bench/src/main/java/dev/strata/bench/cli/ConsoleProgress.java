package dev.strata.bench.cli;

import dev.strata.bench.lab.LabProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a lab's progress as a text progress bar on stderr (so stdout keeps only the results).
 * Redraws with carriage returns; plain ASCII without colours when there is no console (a file or a pipe).
 */
final class ConsoleProgress implements LabProgress, AutoCloseable {
    private static final int WIDTH = 100;
    private final String task;
    private final PrintStream stream;
    private ProgressBar bar;

    ConsoleProgress(final String task, final PrintStream stream) {
        this.task = task;
        this.stream = stream;
    }

    @Override
    public void begin(final long totalSteps) {
        // the two-argument consumer does not probe the terminal (no JLine warnings when not a TTY)
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps).setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(stream, WIDTH)).setMaxRenderedLength(WIDTH)
            .setStyle(System.console() == null ? ProgressBarStyle.ASCII : ProgressBarStyle.COLORFUL_UNICODE_BLOCK).build();
    }

    @Override
    public void starting(final String what) {
        bar.setExtraMessage(what);
    }

    @Override
    public void done() {
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
