package dev.alive.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file so that all of them are reported at once. */
final class Problems {

    private final Path file;
    private final List<Problem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        if (mark == null) {
            at(1, 1, message);
        } else {
            at(mark.getLine() + 1, mark.getColumn() + 1, message);
        }
    }

    void at(int line, int column, String message) {
        found.add(new Problem(file, line, column, message));
    }

    void inFile(String message) {
        found.add(Problem.inFile(file, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in file order (whole-file problems first). */
    List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        copy.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return copy;
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new SpecException(sorted());
        }
    }
}
