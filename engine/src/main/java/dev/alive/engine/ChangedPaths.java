package dev.alive.engine;

import dev.alive.engine.fingerprint.TreeDiff;
import dev.alive.engine.store.StateStore;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/** Names the first few paths that changed in a tree, for a reason line. */
final class ChangedPaths {

    static final int SHOWN = 3;

    private ChangedPaths() {
    }

    /**
     * ": a, b, c (+2 more)" — modified paths first, then added, then removed; empty when the old
     * manifest is unknown or nothing differs path by path.
     */
    static String suffix(StateStore store, String oldFingerprint, Map<String, String> newEntries) {
        Optional<Map<String, String>> old = store.manifest(oldFingerprint);
        if (old.isEmpty()) {
            return "";
        }
        var diff = TreeDiff.between(old.get(), newEntries);
        var paths = new ArrayList<String>(diff.modified());
        paths.addAll(diff.added());
        paths.addAll(diff.removed());
        if (paths.isEmpty()) {
            return "";
        }
        var shown = String.join(", ", paths.subList(0, Math.min(SHOWN, paths.size())));
        return ": " + shown + (paths.size() > SHOWN ? " (+" + (paths.size() - SHOWN) + " more)" : "");
    }
}
