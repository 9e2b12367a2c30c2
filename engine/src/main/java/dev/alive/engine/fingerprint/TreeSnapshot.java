package dev.alive.engine.fingerprint;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A file tree as fingerprinted: one digest per relative path (covering type, mode and content or
 * symlink target) and the fingerprint of the whole tree.
 */
public record TreeSnapshot(String fingerprint, SortedMap<String, String> entries) {

    public TreeSnapshot {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** The snapshot of a tree with no entries (also what a missing root gives). */
    public static TreeSnapshot empty() {
        return new TreeSnapshot(TreeFingerprinter.treeFingerprint(new TreeMap<>()), new TreeMap<>());
    }

    /** What changed from {@code before} to this snapshot. */
    public TreeDiff changesSince(TreeSnapshot before) {
        return TreeDiff.between(before.entries(), entries);
    }
}
