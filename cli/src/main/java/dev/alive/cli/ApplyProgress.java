package dev.alive.cli;

import dev.alive.engine.RunListener;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Live progress of an apply, one line per event, command output indented. Thread-safe. */
final class ApplyProgress implements RunListener {

    private final PrintWriter out;
    private final Style style;
    private final boolean quiet;

    /** @param quiet print nothing (JSON mode: the document is the only output) */
    ApplyProgress(PrintWriter out, Style style, boolean quiet) {
        this.out = out;
        this.style = style;
        this.quiet = quiet;
    }

    @Override
    public synchronized void runStarted(String unit, String runId) {
        line(style.bold(unit) + style.dim(" run " + runId));
    }

    @Override
    public synchronized void taskStarted(TaskId task, List<String> reasons) {
        line("  " + style.yellow("~") + " " + task + (reasons.isEmpty() ? "" : style.dim("  (" + String.join("; ", reasons) + ")")));
    }

    @Override
    public synchronized void taskOutput(TaskId task, String line) {
        line("      " + style.dim(line));
    }

    @Override
    public synchronized void taskFinished(TaskId task, Duration elapsed) {
        line("  " + style.green("✓") + " " + task + " " + style.dim(seconds(elapsed)));
    }

    @Override
    public synchronized void taskFailed(TaskId task, Duration elapsed, Throwable error) {
        line("  " + style.red("✗") + " " + task + " " + style.dim(seconds(elapsed)) + ": " + firstLine(error));
    }

    @Override
    public synchronized void taskUndone(TaskId task) {
        line("  " + style.yellow("↶") + " undone " + task);
    }

    @Override
    public synchronized void undoFailed(TaskId task, Throwable error) {
        line("  " + style.red("!") + " undo of " + task + " failed: " + firstLine(error));
    }

    @Override
    public synchronized void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
        var text = unit + ": " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        line((outcome == RunOutcome.SUCCEEDED ? style.green(text) : style.red(text))
                + (summary == null || summary.isBlank() ? "" : style.dim(" (" + summary + ")")));
    }

    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    private static String firstLine(Throwable error) {
        var message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        var newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void line(String text) {
        if (!quiet) {
            out.println(text);
            out.flush();
        }
    }
}
