package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.List;

/**
 * What an undo walk did.
 *
 * @param undone tasks whose undo succeeded, in the order undone
 * @param leftBehind tasks whose undo failed or that could not be undone (no longer in the graph)
 * @param problems one line per task left behind, naming it and why
 */
public record UndoReport(List<TaskId> undone, List<TaskId> leftBehind, List<String> problems) {

    public UndoReport {
        undone = List.copyOf(undone);
        leftBehind = List.copyOf(leftBehind);
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return leftBehind.isEmpty();
    }

    /** "undone a/y, a/x" and, when incomplete, "; left behind: a/w (its undo failed: ...)". */
    String describe() {
        var text = undone.isEmpty() ? "nothing to undo" : "undone " + join(undone);
        return complete() ? text : text + "; left behind: " + String.join("; ", problems);
    }

    private static String join(List<TaskId> ids) {
        return String.join(", ", ids.stream().map(TaskId::toString).toList());
    }
}
