package dev.alive.engine.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two snapshots of a tree, by relative path (sorted). */
public record TreeDiff(List<String> added, List<String> removed, List<String> modified) {

    public static TreeDiff between(Map<String, String> before, Map<String, String> after) {
        var added = new ArrayList<String>();
        var removed = new ArrayList<String>();
        var modified = new ArrayList<String>();
        after.forEach((path, digest) -> {
            var old = before.get(path);
            if (old == null) {
                added.add(path);
            } else if (!Objects.equals(old, digest)) {
                modified.add(path);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(removed::add);
        added.sort(null);
        removed.sort(null);
        modified.sort(null);
        return new TreeDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(modified));
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }
}
