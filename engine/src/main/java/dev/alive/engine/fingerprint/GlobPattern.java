package dev.alive.engine.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One glob over '/'-separated relative paths, anchored at the tree's root: {@code **} is any
 * number of whole segments (including none), {@code *} any run within a segment, {@code ?} one
 * character. A path also matches when one of its ancestors matches, so a pattern naming a
 * directory covers everything under it.
 */
final class GlobPattern {

    /** How a path relates to the pattern. */
    enum Match {
        /** Neither the path nor anything below it can match. */
        NONE,
        /** The path does not match, but a path below it might (worth descending into). */
        DESCENDANT_MAY_MATCH,
        /** The path or one of its ancestors matches. */
        MATCHES
    }

    private static final String ANY_DEPTH = "**";

    private final String text;
    private final List<Object> segments; // ANY_DEPTH, a literal String, or a compiled Pattern

    private GlobPattern(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    static GlobPattern compile(String glob) {
        var segments = new ArrayList<Object>();
        for (var segment : glob.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals(ANY_DEPTH)) {
                if (segments.isEmpty() || segments.get(segments.size() - 1) != ANY_DEPTH) {
                    segments.add(ANY_DEPTH);
                }
            } else if (segment.indexOf('*') < 0 && segment.indexOf('?') < 0) {
                segments.add(segment);
            } else {
                segments.add(Pattern.compile(segmentRegex(segment), Pattern.DOTALL));
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("empty file pattern '" + glob + "': name at least one path segment (or use **)");
        }
        return new GlobPattern(glob, List.copyOf(segments));
    }

    Match match(String[] path) {
        return match(0, path, 0);
    }

    private Match match(int patternIndex, String[] path, int pathIndex) {
        if (patternIndex == segments.size()) {
            return Match.MATCHES; // the pattern matched the path or one of its ancestors
        }
        if (pathIndex == path.length) {
            return onlyAnyDepthLeft(patternIndex) ? Match.MATCHES : Match.DESCENDANT_MAY_MATCH;
        }
        var segment = segments.get(patternIndex);
        if (segment == ANY_DEPTH) {
            var skipped = match(patternIndex + 1, path, pathIndex);
            if (skipped == Match.MATCHES) {
                return skipped;
            }
            var consumed = match(patternIndex, path, pathIndex + 1);
            return consumed.compareTo(skipped) > 0 ? consumed : skipped;
        }
        return matchesSegment(segment, path[pathIndex]) ? match(patternIndex + 1, path, pathIndex + 1) : Match.NONE;
    }

    private boolean onlyAnyDepthLeft(int patternIndex) {
        return patternIndex == segments.size() - 1 && segments.get(patternIndex) == ANY_DEPTH;
    }

    private static boolean matchesSegment(Object segment, String name) {
        return segment instanceof Pattern regex ? regex.matcher(name).matches() : segment.equals(name);
    }

    private static String segmentRegex(String segment) {
        var regex = new StringBuilder();
        var literal = new StringBuilder();
        for (var c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
