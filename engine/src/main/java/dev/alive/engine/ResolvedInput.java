package dev.alive.engine;

import dev.alive.engine.task.TaskContext;
import java.util.Map;

/**
 * One input as the check sees it. {@code fingerprint} is null when the input is only known after
 * apply (plan only). {@code value} is what the task reads via {@link TaskContext#input}; it may be
 * a secret and is never shown by {@link #toString()}. {@code treeEntries} holds a tree input's
 * snapshot (null for other inputs).
 */
record ResolvedInput(String name, String fingerprint, String value, boolean secret, Map<String, String> treeEntries) {

    static ResolvedInput unknown(String name) {
        return new ResolvedInput(name, null, null, false, null);
    }

    boolean known() {
        return fingerprint != null;
    }

    boolean isTree() {
        return treeEntries != null;
    }

    @Override
    public String toString() {
        return "ResolvedInput[" + name + "=" + (secret ? "(secret)" : value) + ", " + fingerprint + "]";
    }
}
