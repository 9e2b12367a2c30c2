package dev.alive.engine.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two snapshots of a tree, by relative path (sorted). */
public record TreeDiff(List<String> added, List<String> removed, List<String> modified) {

    public TreeDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        modified = List.copyOf(modified);
    }

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
        return new TreeDiff(added, removed, modified);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }

    /**
     * A short human description naming at most {@code limit} paths per kind, e.g.
     * {@code "modified src/app.ts; added src/new.ts, src/x.ts and 3 more"}; "no changes" when empty.
     */
    public String describe(int limit) {
        var parts = new ArrayList<String>();
        part("modified", modified, limit, parts);
        part("added", added, limit, parts);
        part("removed", removed, limit, parts);
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    private static void part(String verb, List<String> paths, int limit, List<String> parts) {
        if (paths.isEmpty()) {
            return;
        }
        var shown = paths.subList(0, Math.min(Math.max(limit, 1), paths.size()));
        var text = verb + " " + String.join(", ", shown);
        var rest = paths.size() - shown.size();
        parts.add(rest == 0 ? text : text + " and " + rest + " more");
    }
}
