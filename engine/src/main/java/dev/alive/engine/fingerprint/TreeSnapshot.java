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
}
