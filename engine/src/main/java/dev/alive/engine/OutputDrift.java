package dev.alive.engine;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskCheckException;
import dev.alive.engine.task.TaskState;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Reasons why the committed outputs no longer describe the world: trees re-fingerprinted, plus the task's own view. */
final class OutputDrift {

    private final StateStore store;

    OutputDrift(StateStore store) {
        this.store = store;
    }

    List<String> of(Task task, TaskState committed) {
        var reasons = new ArrayList<String>();
        new TreeMap<>(committed.outputs()).forEach((name, output) -> {
            if (OutputTrees.recordedOtherwise(task, name, output)) {
                reasons.add(task.secretOutputs().contains(name)
                        ? "output '" + name + "' holds secrets and was recorded by plain SHA-256: it is rewritten"
                                + " to be recorded by HMAC"
                        : "output '" + name + "' no longer holds secrets: it is rewritten to be recorded plainly");
            } else if (output.isTree()) {
                var tree = output.tree();
                try {
                    var now = OutputTrees.snapshot(store, task, name, tree);
                    if (!now.fingerprint().equals(output.fingerprint())) {
                        reasons.add("output '" + name + "' drifted"
                                + ChangedPaths.suffix(store, output.fingerprint(), now.entries()));
                    }
                } catch (UncheckedIOException e) {
                    reasons.add("output '" + name + "' drifted: cannot read " + tree.root());
                }
            }
        });
        try {
            reasons.addAll(task.drift(committed.outputValues()));
        } catch (RuntimeException e) {
            throw new TaskCheckException(task.id(), "its drift check failed: " + e.getMessage(), e);
        }
        return reasons;
    }
}
