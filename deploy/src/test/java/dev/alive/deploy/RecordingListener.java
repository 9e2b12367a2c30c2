package dev.alive.deploy;

import dev.alive.engine.RunListener;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event of a run as a line, to assert on and to show when a test fails. */
final class RecordingListener implements RunListener {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void taskStarted(TaskId task, List<String> reasons) {
        lines.add(task + " started " + reasons);
    }

    @Override
    public synchronized void taskSkipped(TaskId task) {
        lines.add(task + " up to date");
    }

    @Override
    public synchronized void taskOutput(TaskId task, String line) {
        lines.add(task + ": " + line);
    }

    @Override
    public synchronized void taskFinished(TaskId task, Duration elapsed) {
        lines.add(task + " finished in " + elapsed.toMillis() + " ms");
    }

    @Override
    public synchronized void taskFailed(TaskId task, Duration elapsed, Throwable error) {
        lines.add(task + " failed: " + error);
    }

    @Override
    public synchronized void taskUndone(TaskId task) {
        lines.add(task + " undone");
    }

    @Override
    public synchronized void undoFailed(TaskId task, Throwable error) {
        lines.add(task + " undo failed: " + error);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }
}
