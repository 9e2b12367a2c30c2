package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The graph's order: dependencies before dependents, and among tasks that could go next the
 * smallest id first. Tasks depend only on tasks of their own unit, and every id of one unit sorts
 * before every id of a unit written after it, so that order is each unit's order, unit after unit:
 * it is found unit by unit, in time proportional to the graph (a fleet has thousands of tasks).
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /** The order, or empty when there is a cycle. {@code dependsOn} holds every task, each unit closed. */
    static Optional<List<TaskId>> of(Map<TaskId, Set<TaskId>> dependsOn) {
        var units = new HashMap<String, List<TaskId>>();
        dependsOn.keySet().forEach(id -> units.computeIfAbsent(id.unit(), unit -> new ArrayList<>()).add(id));
        var unitOrder = new ArrayList<>(units.keySet());
        unitOrder.sort(Comparator.comparing(unit -> unit + "/"));
        var order = new ArrayList<TaskId>(dependsOn.size());
        for (var unit : unitOrder) {
            if (!orderUnit(units.get(unit), dependsOn, order)) {
                return Optional.empty();
            }
        }
        return Optional.of(order);
    }

    private static boolean orderUnit(List<TaskId> tasks, Map<TaskId, Set<TaskId>> dependsOn, List<TaskId> order) {
        var waitingFor = new HashMap<TaskId, Integer>();
        var dependents = new HashMap<TaskId, List<TaskId>>();
        var ready = new PriorityQueue<TaskId>();
        for (var task : tasks) {
            var dependencies = dependsOn.get(task);
            waitingFor.put(task, dependencies.size());
            dependencies.forEach(dependency -> dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(task));
            if (dependencies.isEmpty()) {
                ready.add(task);
            }
        }
        var placed = 0;
        while (!ready.isEmpty()) {
            var task = ready.poll();
            order.add(task);
            placed++;
            for (var dependent : dependents.getOrDefault(task, List.of())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return placed == tasks.size();
    }
}
