package dev.alive.engine;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskState;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The decision chain plan and apply share, so that they cannot disagree: resolve the inputs, then
 * collect reasons to run — forced, no committed state, last attempt, changed inputs, drifted
 * outputs. No reason (and no input known only after apply) means up to date.
 */
final class UpToDateCheck {

    static final String FORCED = "forced";
    static final String NO_COMMITTED_STATE = "no committed state";

    private final StateStore store;
    private final InputResolver resolver;
    private final InputChanges inputChanges;
    private final OutputDrift outputDrift;

    UpToDateCheck(StateStore store) {
        this.store = store;
        this.resolver = new InputResolver(store);
        this.inputChanges = new InputChanges(store);
        this.outputDrift = new OutputDrift(store);
    }

    Decision decide(Task task, UpstreamOutputs upstream, boolean forced, CommittedStates unitStates,
            LastAttempts lastAttempts, TreeSnapshots trees) {
        var inputs = resolver.resolve(task, upstream, trees);
        var reasons = new ArrayList<String>();
        if (forced) {
            reasons.add(FORCED);
        }
        Optional<TaskState> committed = unitStates.of(task.id());
        if (committed.isEmpty()) {
            reasons.add(NO_COMMITTED_STATE);
            return new Decision(task.id(), inputs, committed, reasons, inputs.unknownNames());
        }
        lastAttempts.reason(task.id()).ifPresent(reasons::add);
        reasons.addAll(inputChanges.between(committed.get(), inputs));
        reasons.addAll(outputDrift.of(task, committed.get()));
        return new Decision(task.id(), inputs, committed, reasons, inputs.unknownNames());
    }
}
