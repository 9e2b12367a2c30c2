package dev.alive.engine;

import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.fingerprint.TreeSnapshot;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskState;

/**
 * Fingerprints a task's tree output the way the task declares it: a secret one ({@link
 * Task#secretOutputs()}) with HMAC-SHA256 under the store's key and never through the file-hash
 * cache, any other plainly through the cache.
 */
final class OutputTrees {

    private OutputTrees() {
    }

    static TreeSnapshot snapshot(StateStore store, Task task, String name, Output.Tree tree) {
        var fingerprinter = isSecret(task, name)
                ? TreeFingerprinter.secret(store.fingerprintKey())
                : new TreeFingerprinter(store.fileHashCache());
        return fingerprinter.snapshot(tree.root(), tree.includes(), tree.excludes());
    }

    /**
     * True when the committed tree output was recorded the other way than the task now declares it
     * (plainly before alive kept it secret, or the reverse): it cannot be compared, and a rerun
     * records it anew, with a fingerprint of the other kind.
     */
    static boolean recordedOtherwise(Task task, String name, TaskState.RecordedOutput output) {
        return output.isTree() && isSecret(task, name) != Fingerprints.isSecret(output.fingerprint());
    }

    /** True when a committed state of {@code task} has a tree output {@link #recordedOtherwise}. */
    static boolean anyRecordedOtherwise(Task task, TaskState committed) {
        return committed.outputs().entrySet().stream()
                .anyMatch(output -> recordedOtherwise(task, output.getKey(), output.getValue()));
    }

    private static boolean isSecret(Task task, String name) {
        return task.secretOutputs().contains(name);
    }
}
