package dev.alive.engine.store;

import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.List;

/**
 * The output lines a run's tasks printed (the install and build output, what undo printed), as a
 * store keeps them: free of secrets (the caller strips them before appending), at most the run's
 * last {@link #MAX_LINES} lines and at most {@link #MAX_BYTES} of their text, each line cut to
 * {@link #MAX_LINE_BYTES}. Older lines are dropped as newer ones arrive; {@code droppedLines} says
 * how many.
 *
 * @param lines the kept lines, oldest first
 * @param droppedLines how many earlier lines of the run were not kept
 */
public record RunLog(List<Line> lines, long droppedLines) {

    /** A run keeps at most its last this many lines. */
    public static final int MAX_LINES = 2_000;
    /** ... and at most this many bytes of their text (UTF-8). */
    public static final int MAX_BYTES = 256 * 1024;
    /** A longer line is cut to this many bytes (UTF-8), {@link #CUT_MARK} included. */
    public static final int MAX_LINE_BYTES = 4 * 1024;
    /** What ends a line that was cut. */
    public static final String CUT_MARK = " [cut]";

    public RunLog {
        lines = List.copyOf(lines);
        if (droppedLines < 0) {
            throw new IllegalArgumentException("droppedLines < 0: " + droppedLines);
        }
    }

    public static RunLog empty() {
        return new RunLog(List.of(), 0);
    }

    /** One output line of a task. */
    public record Line(TaskId task, String text) {
        public Line {
            if (task == null || text == null) {
                throw new IllegalArgumentException("a run log line needs a task and a text");
            }
        }

        /** The line as it is kept: cut to {@link #MAX_LINE_BYTES} when longer. */
        public static Line of(TaskId task, String text) {
            return new Line(task, cut(text));
        }

        /** The size of the text in UTF-8, which the bound counts. */
        public int bytes() {
            return utf8Length(text);
        }
    }

    /** The last of {@code lines} (oldest first) that fit the bounds: what a store keeps of a run's lines. */
    public static List<Line> bounded(List<Line> lines) {
        var kept = new ArrayList<Line>();
        long bytes = 0;
        for (int i = lines.size() - 1; i >= 0 && kept.size() < MAX_LINES; i--) {
            bytes += lines.get(i).bytes();
            if (bytes > MAX_BYTES) {
                break;
            }
            kept.add(0, lines.get(i));
        }
        return kept;
    }

    static String cut(String text) {
        if (text.length() * 3L <= MAX_LINE_BYTES || utf8Length(text) <= MAX_LINE_BYTES) {
            return text;
        }
        int budget = MAX_LINE_BYTES - CUT_MARK.length();
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + CUT_MARK;
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
