package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plan: the up-to-date check of every task with execution replaced by a prediction of outputs.
 *
 * <p>What plan assumes of a task that will (or may) run: if it declares
 * {@link Task#outputsKnownAfterRun()} or has no committed state, its outputs are unknown and its
 * readers get "known after apply"; otherwise it reproduces its committed outputs (the task contract),
 * so its readers are checked against those. An up-to-date task keeps its committed outputs.
 */
final class Planner {

    private final StateStore store;
    private final UpToDateCheck check;
    private final UnitLocks locks;

    Planner(StateStore store, UpToDateCheck check, UnitLocks locks) {
        this.store = store;
        this.check = check;
        this.locks = locks;
    }

    /** Units are planned side by side, one per processor: a fleet's units are independent reads. */
    Plan plan(TaskGraph graph, Set<TaskId> forced) {
        var trees = new TreeSnapshots(store);
        return new Plan(InParallel.map(graph.units(), Runtime.getRuntime().availableProcessors(), "alive-plan",
                unit -> planUnit(graph, unit, forced, trees)));
    }

    private UnitPlan planUnit(TaskGraph graph, String unit, Set<TaskId> forced, TreeSnapshots trees) {
        var holder = store.lockHolder(unit);
        var liveRun = holder.filter(owner -> !locks.isDead(owner)).map(LockOwner::runId).orElse(null);
        var lastAttempts = LastAttempts.read(store, unit, liveRun, RunKind.APPLY);
        var committed = CommittedStates.read(store, unit);
        var unknown = new HashSet<TaskId>();
        UpstreamOutputs predicted = (task, name) -> unknown.contains(task)
                ? Optional.empty()
                : committed.of(task).map(state -> state.outputs().get(name));
        var planned = new ArrayList<PlannedTask>();
        for (var task : graph.tasksOf(unit)) {
            var decision = check.decide(task, predicted, forced.contains(task.id()), committed, lastAttempts, trees);
            var entry = toPlanned(decision);
            if (entry.action() != PlannedTask.Action.UP_TO_DATE
                    && (task.outputsKnownAfterRun() || decision.firstRun()
                            || committed.of(task.id()).filter(state -> OutputTrees.anyRecordedOtherwise(task, state)).isPresent())) {
                unknown.add(task.id());
            }
            planned.add(entry);
        }
        committed.ids().stream()
                .filter(id -> !graph.contains(id))
                .sorted()
                .forEach(id -> planned.add(new PlannedTask(id, PlannedTask.Action.REMOVED,
                        List.of("no longer in the graph: its recorded state is dropped, what it made stays"), false)));
        var dead = Recovery.pendingRuns(store, unit).stream().map(RunRecord::runId).filter(id -> !id.equals(liveRun)).toList();
        return new UnitPlan(unit, planned, dead, holder);
    }

    private static PlannedTask toPlanned(Decision decision) {
        var unknownNotes = decision.unknownInputs().stream()
                .map(name -> "input '" + name + "' known after apply")
                .toList();
        if (decision.mustRun()) {
            var reasons = new ArrayList<>(decision.reasons());
            reasons.addAll(unknownNotes);
            return new PlannedTask(decision.task(), PlannedTask.Action.RUN, reasons, decision.firstRun());
        }
        if (!unknownNotes.isEmpty()) {
            return new PlannedTask(decision.task(), PlannedTask.Action.KNOWN_AFTER_APPLY, unknownNotes, false);
        }
        return new PlannedTask(decision.task(), PlannedTask.Action.UP_TO_DATE, List.of(), false);
    }
}
