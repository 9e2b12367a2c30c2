package dev.alive.engine;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskState;
import java.util.ArrayList;
import java.util.List;

/** Reasons from comparing resolved inputs with the committed ones, input by input. */
final class InputChanges {

    private final StateStore store;

    InputChanges(StateStore store) {
        this.store = store;
    }

    /** One reason per new, changed or removed input; inputs known only after apply are left out. */
    List<String> between(TaskState committed, ResolvedInputs inputs) {
        var reasons = new ArrayList<String>();
        var before = committed.inputFingerprints();
        for (var input : inputs.all()) {
            if (!input.known()) {
                continue;
            }
            var old = before.get(input.name());
            if (old == null) {
                reasons.add("input '" + input.name() + "' is new");
            } else if (!old.equals(input.fingerprint())) {
                var paths = input.isTree() ? ChangedPaths.suffix(store, old, input.treeEntries()) : "";
                reasons.add("input '" + input.name() + "' changed" + paths);
            }
        }
        var declared = inputs.all().stream().map(ResolvedInput::name).toList();
        before.keySet().stream()
                .filter(name -> !declared.contains(name))
                .sorted()
                .forEach(name -> reasons.add("input '" + name + "' was removed"));
        return reasons;
    }
}
