package dev.alive.engine.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store remembers of a task after a committed run: the fingerprint of all its inputs,
 * the fingerprint of each input (by name, to explain changes), and its outputs.
 *
 * @param inputFingerprints per input name; for a secret input a salted digest that does not reveal it
 * @param outputs per output name
 */
public record TaskState(
        TaskId taskId,
        String inputsFingerprint,
        Map<String, String> inputFingerprints,
        Map<String, RecordedOutput> outputs,
        String runId,
        Instant committedAt) {

    public TaskState {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(inputsFingerprint, "inputsFingerprint");
        inputFingerprints = Map.copyOf(inputFingerprints);
        outputs = Map.copyOf(outputs);
    }

    /** Output values by name (trees are left out). */
    public Map<String, String> outputValues() {
        var values = new java.util.TreeMap<String, String>();
        outputs.forEach((name, out) -> {
            if (out.value() != null) {
                values.put(name, out.value());
            }
        });
        return values;
    }

    /**
     * A recorded output: a value output has {@code value} set and {@code fingerprint} = its digest;
     * a tree output has {@code value == null}, its root and patterns, and the tree fingerprint.
     */
    public record RecordedOutput(
            String value, String treeRoot, List<String> includes, List<String> excludes, String fingerprint) {
        public RecordedOutput {
            Objects.requireNonNull(fingerprint, "fingerprint");
            includes = includes == null ? List.of() : List.copyOf(includes);
            excludes = excludes == null ? List.of() : List.copyOf(excludes);
        }

        public static RecordedOutput ofValue(String value, String fingerprint) {
            return new RecordedOutput(Objects.requireNonNull(value, "value"), null, null, null, fingerprint);
        }

        public static RecordedOutput ofTree(Output.Tree tree, String fingerprint) {
            return new RecordedOutput(null, tree.root().toString(), tree.includes(), tree.excludes(), fingerprint);
        }

        public boolean isTree() {
            return value == null;
        }

        /** The tree this output describes; only for tree outputs. */
        public Output.Tree tree() {
            if (!isTree()) {
                throw new IllegalStateException("not a tree output");
            }
            return new Output.Tree(java.nio.file.Path.of(treeRoot), includes, excludes);
        }
    }
}
