package dev.alive.engine;

import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every event as a line ("started a/x", "skipped a/y", "finished a ROLLED_BACK", ...). */
final class RecordingListener implements RunListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<TaskId, List<String>> reasons = new ConcurrentHashMap<>();

    @Override
    public void runStarted(String unit, String runId) {
        events.add("run " + unit);
    }

    @Override
    public void recoveryStarted(String unit, String deadRunId) {
        events.add("recovering " + unit + " " + deadRunId);
    }

    @Override
    public void taskStarted(TaskId task, List<String> why) {
        reasons.put(task, List.copyOf(why));
        events.add("started " + task);
    }

    @Override
    public void taskSkipped(TaskId task) {
        events.add("skipped " + task);
    }

    @Override
    public void taskFinished(TaskId task, Duration elapsed) {
        events.add("finished " + task);
    }

    @Override
    public void taskFailed(TaskId task, Duration elapsed, Throwable error) {
        events.add("failed " + task);
    }

    @Override
    public void taskUndone(TaskId task) {
        events.add("undone " + task);
    }

    @Override
    public void undoFailed(TaskId task, Throwable error) {
        events.add("undo failed " + task);
    }

    @Override
    public void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
        events.add("finished " + unit + " " + outcome);
    }

    List<String> startsWith(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix + " ")).map(e -> e.substring(prefix.length() + 1)).toList();
    }
}
