package dev.alive.engine;

import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Turns a finished run into the task state to commit; saves tree manifests so later reasons can name paths. */
final class OutputRecorder {

    private final StateStore store;
    private final Clock clock;

    OutputRecorder(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    TaskState record(TaskId task, ResolvedInputs inputs, Map<String, Output> outputs, String runId) {
        inputs.all().stream()
                .filter(ResolvedInput::isTree)
                .forEach(input -> store.saveManifest(input.fingerprint(), input.treeEntries()));
        var recorded = new TreeMap<String, TaskState.RecordedOutput>();
        (outputs == null ? Map.<String, Output>of() : outputs).forEach((name, output) -> {
            if (output instanceof Output.Value value) {
                recorded.put(name, TaskState.RecordedOutput.ofValue(value.value(), Digests.sha256(value.value())));
            } else if (output instanceof Output.Tree tree) {
                var snapshot = new TreeFingerprinter(store.fileHashCache())
                        .snapshot(tree.root(), tree.includes(), tree.excludes());
                store.saveManifest(snapshot.fingerprint(), snapshot.entries());
                recorded.put(name, TaskState.RecordedOutput.ofTree(tree, snapshot.fingerprint()));
            } else {
                throw new IllegalStateException(task + " returned no value for output '" + name + "'");
            }
        });
        return new TaskState(task, inputs.fingerprint(), inputs.fingerprints(), recorded, runId, clock.instant());
    }
}
