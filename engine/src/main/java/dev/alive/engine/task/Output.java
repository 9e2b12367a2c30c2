package dev.alive.engine.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One named output of a task run. Values are recorded as they are (so they must never be secret);
 * trees are recorded by fingerprint and re-checked for drift before the next run (by HMAC under
 * the store's key when the task names them in {@link Task#secretOutputs()}).
 */
public sealed interface Output permits Output.Value, Output.Tree {

    record Value(String value) implements Output {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A file tree (or a single file) the task produced; patterns as in {@link Input.Tree}. */
    record Tree(Path root, List<String> includes, List<String> excludes) implements Output {
        public Tree {
            Objects.requireNonNull(root, "root");
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
        }
    }

    static Value value(String value) {
        return new Value(value);
    }

    static Tree tree(Path root) {
        return new Tree(root, List.of(), List.of());
    }
}
