package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds one dependency cycle, in words: the tasks on it in "depends on" order. */
final class DependencyCycles {

    private enum Mark { VISITING, DONE }

    private final Map<TaskId, Set<TaskId>> dependsOn;
    private final Map<TaskId, Mark> marks = new HashMap<>();
    private final List<TaskId> path = new ArrayList<>();

    private DependencyCycles(Map<TaskId, Set<TaskId>> dependsOn) {
        this.dependsOn = dependsOn;
    }

    /** The first cycle found (visiting tasks in id order), starting and ending with the same task. */
    static Optional<List<TaskId>> find(Map<TaskId, Set<TaskId>> dependsOn) {
        var search = new DependencyCycles(dependsOn);
        for (var id : new TreeSet<>(dependsOn.keySet())) {
            var cycle = search.visit(id);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    static String describe(List<TaskId> cycle) {
        return "dependency cycle: " + String.join(" -> ", cycle.stream().map(TaskId::toString).toList());
    }

    private Optional<List<TaskId>> visit(TaskId id) {
        var mark = marks.get(id);
        if (mark == Mark.DONE) {
            return Optional.empty();
        }
        if (mark == Mark.VISITING) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return Optional.of(cycle);
        }
        marks.put(id, Mark.VISITING);
        path.add(id);
        for (var dependency : new TreeSet<>(dependsOn.getOrDefault(id, Set.of()))) {
            var cycle = visit(dependency);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        marks.put(id, Mark.DONE);
        return Optional.empty();
    }
}
