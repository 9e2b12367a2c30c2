package dev.alive.engine.store;

import java.util.Arrays;

/**
 * What a run of one unit does. A store keeps a run's kind as its {@link #label()}, which never
 * changes, so runs written by earlier versions read back.
 */
public enum RunKind {
    /** Runs the tasks of a unit that are not up to date; commits, or undoes what it ran. */
    APPLY("apply"),
    /** Destroys every task of a unit in reverse order, then drops the unit's committed state. */
    DESTROY("destroy"),
    /** An apply that puts an earlier release back; recovered and rolled back like an apply. */
    ROLLBACK("rollback"),
    /**
     * Takes a unit that something else deployed into the store without changing the host: an
     * apply of tasks that only record the live artifacts ({@code alive import legacy}); recovered
     * and rolled back like an apply.
     */
    ADOPT("adopt");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    /** The lowercase name a store keeps and an operator reads: "apply", "destroy", "rollback", "adopt". */
    public String label() {
        return label;
    }

    /**
     * The kind a store kept as {@code label}. A run row without one, or with a label this version
     * does not know (a newer alive's, in a store that several versions share), reads as an apply:
     * it is recovered and rolled back like one, as earlier versions did, instead of making the
     * unit's history unreadable.
     */
    public static RunKind ofLabel(String label) {
        return Arrays.stream(values())
                .filter(kind -> kind.label.equals(label))
                .findFirst()
                .orElse(APPLY);
    }
}
