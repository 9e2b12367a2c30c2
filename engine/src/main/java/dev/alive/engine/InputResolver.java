package dev.alive.engine;

import dev.alive.engine.fingerprint.TreeFingerprinter;
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

    ResolvedInputs resolve(Task task, UpstreamOutputs upstream) {
        var resolved = new ArrayList<ResolvedInput>();
        for (var input : task.inputs()) {
            resolved.add(resolve(task.id(), input, upstream));
        }
        return new ResolvedInputs(task.id(), resolved);
    }

    private ResolvedInput resolve(TaskId task, Input input, UpstreamOutputs upstream) {
        if (input instanceof Input.Value value) {
            var fingerprint = value.secret() ? Digests.hmac(secretKey, value.value()) : Digests.sha256(value.value());
            return new ResolvedInput(value.name(), fingerprint, value.value(), value.secret(), null);
        }
        if (input instanceof Input.Tree tree) {
            try {
                var snapshot = new TreeFingerprinter(store.fileHashCache())
                        .snapshot(tree.root(), tree.includes(), tree.excludes());
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
