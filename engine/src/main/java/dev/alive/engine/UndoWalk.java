package dev.alive.engine;

import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Undoes the tasks a run executed, dependents before their dependencies (reverse topological
 * order of the current graph), each with the undo notes its run journaled (per key the first
 * value: the state before the run's first change). Every undo is journaled
 * as it happens; a failing undo is recorded and the walk goes on.
 */
final class UndoWalk {

    private final StateStore store;
    private final BackupDirs backups;
    private final FaultInjection faults;

    UndoWalk(StateStore store, BackupDirs backups, FaultInjection faults) {
        this.store = store;
        this.backups = backups;
        this.faults = faults;
    }

    /** Undoes {@code executed}; a failing undo is journaled, reported and told with the run's secrets hidden. */
    UndoReport undo(Journal journal, Collection<TaskId> executed, TaskGraph graph, RunListener listener,
            Failures failures) {
        var notes = notesByTask(journal.runId());
        var undone = new ArrayList<TaskId>();
        var left = new ArrayList<TaskId>();
        var problems = new ArrayList<String>();
        for (var id : new TreeSet<>(executed)) {
            if (!graph.contains(id)) {
                left.add(id);
                problems.add(id + " (no longer in the graph, so it cannot be undone)");
            }
        }
        var reverse = new ArrayList<>(graph.tasks());
        Collections.reverse(reverse);
        Set<TaskId> toUndo = Set.copyOf(executed);
        var later = new TreeSet<TaskId>();
        reverse.stream().map(Task::id).filter(toUndo::contains).forEach(later::add);
        for (var task : reverse) {
            if (!later.remove(task.id())) {
                continue;
            }
            try {
                faults.beforeUndo(task.id());
                task.undo(new RunUndoContext(task.id(), journal.runId(),
                        Collections.unmodifiableMap(notes.getOrDefault(task.id(), new LinkedHashMap<>())),
                        store.committed(task.id()), backups, listener, later));
                journal.undone(task.id());
                undone.add(task.id());
                listener.taskUndone(task.id());
            } catch (Throwable caught) {
                var e = failures.safe(caught);
                var message = failures.describe(e);
                try {
                    journal.undoFailed(task.id(), message);
                } catch (RuntimeException journalError) {
                    e.addSuppressed(journalError); // the store is failing too: still undo the others
                }
                left.add(task.id());
                problems.add(task.id() + " (its undo failed: " + message + ")");
                listener.undoFailed(task.id(), e);
            }
        }
        return new UndoReport(undone, left, problems);
    }

    private Map<TaskId, Map<String, String>> notesByTask(String runId) {
        var notes = new HashMap<TaskId, Map<String, String>>();
        for (var entry : store.journal(runId)) {
            if (entry.kind() == JournalEntry.Kind.UNDO_NOTE) {
                notes.computeIfAbsent(entry.taskId(), id -> new LinkedHashMap<>()).putIfAbsent(entry.key(), entry.detail());
            }
        }
        return notes;
    }
}
