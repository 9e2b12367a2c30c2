package dev.alive.engine;

import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
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

    TaskState record(Task task, ResolvedInputs inputs, Map<String, Output> outputs, String runId) {
        inputs.all().stream()
                .filter(ResolvedInput::isTree)
                .forEach(input -> store.saveManifest(input.fingerprint(), input.treeEntries()));
        var recorded = new TreeMap<String, TaskState.RecordedOutput>();
        (outputs == null ? Map.<String, Output>of() : outputs).forEach((name, output) -> {
            if (output instanceof Output.Value value) {
                if (task.secretOutputs().contains(name)) {
                    throw new IllegalStateException(task.id() + " declares output '" + name
                            + "' secret but returned a value, which is recorded as it is");
                }
                recorded.put(name, TaskState.RecordedOutput.ofValue(value.value(), Fingerprints.ofValue(value.value())));
            } else if (output instanceof Output.Tree tree) {
                var snapshot = OutputTrees.snapshot(store, task, name, tree);
                if (task.secretOutputs().contains(name)) {
                    store.fileHashCache().forget(tree.root().toString()); // a plain hash an older alive cached
                }
                store.saveManifest(snapshot.fingerprint(), snapshot.entries());
                recorded.put(name, TaskState.RecordedOutput.ofTree(tree, snapshot.fingerprint()));
            } else {
                throw new IllegalStateException(task.id() + " returned no value for output '" + name + "'");
            }
        });
        return new TaskState(task.id(), inputs.fingerprint(), inputs.fingerprints(), recorded, runId, clock.instant());
    }
}
