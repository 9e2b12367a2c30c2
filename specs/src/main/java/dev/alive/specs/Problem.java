package dev.alive.specs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a spec or host profile, at a place in its file.
 *
 * @param file the file as the operator named it
 * @param line 1-based line, or 0 when the problem concerns the whole file (missing, too big)
 * @param column 1-based column, or 0 with line 0
 * @param message what is wrong and how to fix it, on one line
 */
public record Problem(Path file, int line, int column, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with the whole file rather than a place in it. */
    public static Problem inFile(Path file, String message) {
        return new Problem(file, 0, 0, message);
    }

    /** {@code file:line:column: message}, or {@code file: message} for a whole-file problem. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
