package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Faults to inject for reliability tests, configured from outside (the CLI reads an environment
 * variable). {@code failRun}: the task runs, then fails (so its undo is exercised);
 * {@code failUndo}: its undo fails without running; {@code crashAfterRun}: the process halts right
 * after the task ran, before its result is journaled (as under {@code kill -9}).
 */
public record FaultInjection(Set<TaskId> failRun, Set<TaskId> failUndo, Set<TaskId> crashAfterRun) {

    public static final FaultInjection NONE = new FaultInjection(Set.of(), Set.of(), Set.of());

    /** Exit status of a process halted by {@code crashAfterRun}. */
    public static final int CRASH_STATUS = 137;

    public FaultInjection {
        failRun = Set.copyOf(failRun);
        failUndo = Set.copyOf(failUndo);
        crashAfterRun = Set.copyOf(crashAfterRun);
    }

    /**
     * Parses a comma-separated list: {@code unit/name} (fail its run), {@code undo:unit/name}
     * (fail its undo), {@code crash:unit/name} (halt after its run). Blank means no faults.
     */
    public static FaultInjection parse(String spec) {
        var run = new HashSet<TaskId>();
        var undo = new HashSet<TaskId>();
        var crash = new HashSet<TaskId>();
        for (var item : Objects.requireNonNullElse(spec, "").split(",")) {
            var entry = item.strip();
            if (entry.startsWith("undo:")) {
                undo.add(TaskId.parse(entry.substring("undo:".length())));
            } else if (entry.startsWith("crash:")) {
                crash.add(TaskId.parse(entry.substring("crash:".length())));
            } else if (!entry.isEmpty()) {
                run.add(TaskId.parse(entry));
            }
        }
        return new FaultInjection(run, undo, crash);
    }

    void afterRun(TaskId task) {
        if (crashAfterRun.contains(task)) {
            Runtime.getRuntime().halt(CRASH_STATUS);
        }
        if (failRun.contains(task)) {
            throw new InjectedFaultException(task);
        }
    }

    void beforeUndo(TaskId task) {
        if (failUndo.contains(task)) {
            throw new InjectedFaultException(task);
        }
    }

    /** The error an injected fault raises. */
    public static final class InjectedFaultException extends RuntimeException {
        InjectedFaultException(TaskId task) {
            super("fault injected at " + task);
        }
    }
}
