package dev.alive.deploy;

import dev.alive.engine.RunListener;
import dev.alive.engine.secret.SecretRedaction;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RunListener} in front of another: hides every known secret in each output line before
 * anything else sees it, and keeps the lines with their run in the state store. Lines are written
 * in batches: when a task ends (finished, failed, undone), every {@link #BATCH} lines, and when the
 * run ends; a run whose tasks print nothing (a no-op apply) writes nothing. The output of a
 * recovery (undoing a dead run) goes to the dead run's log. A failed write does not stop the run:
 * its lines are lost, and the next write says how many.
 */
final class RunLogRecorder implements RunListener {

    /** At most this many lines wait in memory before they are written. */
    static final int BATCH = 500;

    private final StateStore store;
    private final SecretRedaction secrets;
    private final RunListener next;
    private final Map<String, Buffer> runOfUnit = new ConcurrentHashMap<>();

    RunLogRecorder(StateStore store, SecretRedaction secrets, RunListener next) {
        this.store = store;
        this.secrets = secrets;
        this.next = next;
    }

    @Override
    public void runStarted(String unit, String runId) {
        runOfUnit.put(unit, new Buffer(runId));
        next.runStarted(unit, runId);
    }

    @Override
    public void recoveryStarted(String unit, String deadRunId) {
        runOfUnit.put(unit, new Buffer(deadRunId));
        next.recoveryStarted(unit, deadRunId);
    }

    @Override
    public void taskStarted(TaskId task, List<String> reasons) {
        next.taskStarted(task, reasons);
    }

    @Override
    public void taskSkipped(TaskId task) {
        next.taskSkipped(task);
    }

    @Override
    public void taskOutput(TaskId task, String line) {
        var safe = secrets.redact(line);
        var buffer = runOfUnit.get(task.unit());
        if (buffer != null && buffer.add(RunLog.Line.of(task, safe))) {
            buffer.flush(store);
        }
        next.taskOutput(task, safe);
    }

    @Override
    public void taskFinished(TaskId task, Duration elapsed) {
        flush(task.unit());
        next.taskFinished(task, elapsed);
    }

    @Override
    public void taskFailed(TaskId task, Duration elapsed, Throwable error) {
        flush(task.unit());
        next.taskFailed(task, elapsed, error);
    }

    @Override
    public void taskUndone(TaskId task) {
        flush(task.unit());
        next.taskUndone(task);
    }

    @Override
    public void undoFailed(TaskId task, Throwable error) {
        flush(task.unit());
        next.undoFailed(task, error);
    }

    @Override
    public void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
        var buffer = runOfUnit.get(unit);
        if (buffer != null && buffer.runId.equals(runId)) {
            buffer.flush(store);
            runOfUnit.remove(unit, buffer);
        }
        next.runFinished(unit, runId, outcome, summary);
    }

    private void flush(String unit) {
        var buffer = runOfUnit.get(unit);
        if (buffer != null) {
            buffer.flush(store);
        }
    }

    /** The lines of one run not written yet; a run's tasks may print from several threads at once. */
    private static final class Buffer {
        private final String runId;
        private final List<RunLog.Line> pending = new ArrayList<>();
        private long lost;

        Buffer(String runId) {
            this.runId = runId;
        }

        /** Returns whether the batch is full. */
        synchronized boolean add(RunLog.Line line) {
            pending.add(line);
            return pending.size() >= BATCH;
        }

        synchronized void flush(StateStore store) {
            if (pending.isEmpty()) {
                return;
            }
            int count = pending.size();
            var lines = new ArrayList<RunLog.Line>(count + 1);
            if (lost > 0) {
                lines.add(new RunLog.Line(pending.get(0).task(), "[alive: " + lost
                        + " earlier output lines could not be stored]"));
            }
            lines.addAll(pending);
            pending.clear();
            try {
                store.appendRunLog(runId, lines);
                lost = 0;
            } catch (RuntimeException e) {
                lost += count;
            }
        }
    }
}
