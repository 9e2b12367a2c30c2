package dev.alive.engine;

import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.fingerprint.TreeSnapshot;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Input;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshots of {@link Input.Tree} inputs taken during one plan or one apply, each tree
 * fingerprinted once: a fleet's sites share their template, and five hundred walks of it would
 * find the same thing. Raw tree inputs are never written by the graph's own tasks (a task's tree
 * is read downstream through {@link Input.Upstream}), so within one plan or apply a snapshot stays
 * true. A tree edited while an apply runs is seen as it was at its first check; the next run sees
 * the change.
 */
final class TreeSnapshots {

    private record Key(Path root, List<String> includes, List<String> excludes) {
    }

    private final StateStore store;
    private final Map<Key, TreeSnapshot> taken = new ConcurrentHashMap<>();

    TreeSnapshots(StateStore store) {
        this.store = store;
    }

    /** Fingerprints the tree on first use; later calls for the same root and patterns get that snapshot. */
    TreeSnapshot of(Input.Tree tree) {
        return taken.computeIfAbsent(new Key(tree.root().toAbsolutePath().normalize(), tree.includes(), tree.excludes()),
                key -> new TreeFingerprinter(store.fileHashCache()).snapshot(tree.root(), tree.includes(), tree.excludes()));
    }
}
