package dev.alive.engine;

import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskCheckException;
import dev.alive.engine.task.TaskId;
import java.io.UncheckedIOException;
import java.util.ArrayList;

/** Resolves and fingerprints the declared inputs of a task: step one of the check. */
final class InputResolver {

    private final StateStore store;
    private final byte[] secretKey;

    InputResolver(StateStore store) {
        this.store = store;
        this.secretKey = store.fingerprintKey();
    }

    /** @param trees the snapshots of this plan or apply, shared by all its checks */
    ResolvedInputs resolve(Task task, UpstreamOutputs upstream, TreeSnapshots trees) {
        var resolved = new ArrayList<ResolvedInput>();
        for (var input : task.inputs()) {
            resolved.add(resolve(task.id(), input, upstream, trees));
        }
        return new ResolvedInputs(task.id(), resolved);
    }

    private ResolvedInput resolve(TaskId task, Input input, UpstreamOutputs upstream, TreeSnapshots trees) {
        if (input instanceof Input.Value value) {
            var fingerprint = value.secret() ? Fingerprints.ofSecret(secretKey, value.value()) : Fingerprints.ofValue(value.value());
            return new ResolvedInput(value.name(), fingerprint, value.value(), value.secret(), null);
        }
        if (input instanceof Input.Tree tree) {
            try {
                var snapshot = trees.of(tree);
                return new ResolvedInput(tree.name(), snapshot.fingerprint(), tree.root().toString(), false,
                        snapshot.entries());
            } catch (UncheckedIOException e) {
                throw new TaskCheckException(task, "cannot read input '" + tree.name() + "' at " + tree.root()
                        + ": " + e.getCause().getMessage(), e);
            }
        }
        var reference = (Input.Upstream) input;
        return upstream.output(reference.task(), reference.output())
                .map(output -> new ResolvedInput(reference.name(), output.fingerprint(),
                        output.isTree() ? output.treeRoot() : output.value(), false, null))
                .orElseGet(() -> ResolvedInput.unknown(reference.name()));
    }
}
