package dev.alive.engine.fingerprint;

import dev.alive.engine.fingerprint.GlobPattern.Match;
import java.util.List;

/**
 * Decides which relative paths of a tree take part in its fingerprint: those matched by an
 * include pattern (all, when there are none) and by no exclude pattern. Excluded directories are
 * not descended into; nor are directories below which no include pattern can match.
 */
final class PathFilter {

    private final List<GlobPattern> includes;
    private final List<GlobPattern> excludes;

    PathFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(GlobPattern::compile).toList();
        this.excludes = excludes.stream().map(GlobPattern::compile).toList();
    }

    boolean acceptsEverything() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** Whether the entry at {@code relativePath} is part of the tree. */
    boolean includes(String relativePath) {
        if (acceptsEverything()) {
            return true;
        }
        var segments = relativePath.split("/");
        return !excluded(segments) && best(includes, segments) == Match.MATCHES;
    }

    /** Whether the walk must look below the directory at {@code relativePath}. */
    boolean descendsInto(String relativePath) {
        if (acceptsEverything()) {
            return true;
        }
        var segments = relativePath.split("/");
        return !excluded(segments) && best(includes, segments) != Match.NONE;
    }

    private boolean excluded(String[] segments) {
        for (var exclude : excludes) {
            if (exclude.match(segments) == Match.MATCHES) {
                return true;
            }
        }
        return false;
    }

    private static Match best(List<GlobPattern> includes, String[] segments) {
        if (includes.isEmpty()) {
            return Match.MATCHES;
        }
        var best = Match.NONE;
        for (var include : includes) {
            var match = include.match(segments);
            if (match == Match.MATCHES) {
                return match;
            }
            if (match.compareTo(best) > 0) {
                best = match;
            }
        }
        return best;
    }
}
