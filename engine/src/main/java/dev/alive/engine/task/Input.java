package dev.alive.engine.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One declared input of a task. The engine fingerprints every input before deciding whether the
 * task must run; a change of any input (by name) is a reason to run.
 */
public sealed interface Input permits Input.Value, Input.Tree, Input.Upstream {

    String name();

    /** A named value. A secret value takes part in the fingerprint but is never stored or shown. */
    record Value(String name, String value, boolean secret) implements Input {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value of input " + name);
        }
    }

    /**
     * A file tree below {@code root}. Patterns are globs over '/'-separated relative paths
     * ({@code **}, {@code *}, {@code ?}); an empty include list means everything.
     */
    record Tree(String name, Path root, List<String> includes, List<String> excludes) implements Input {
        public Tree {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(root, "root of input " + name);
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
        }
    }

    /** A named output of a task this one depends on; its value (or tree fingerprint) is the input. */
    record Upstream(String name, TaskId task, String output) implements Input {
        public Upstream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(task, "task of input " + name);
            Objects.requireNonNull(output, "output of input " + name);
        }
    }

    static Value value(String name, String value) {
        return new Value(name, value, false);
    }

    static Value secret(String name, String value) {
        return new Value(name, value, true);
    }

    static Tree tree(String name, Path root, List<String> includes, List<String> excludes) {
        return new Tree(name, root, includes, excludes);
    }

    static Tree tree(String name, Path root) {
        return new Tree(name, root, List.of(), List.of());
    }

    static Upstream upstream(String name, TaskId task, String output) {
        return new Upstream(name, task, output);
    }
}
