package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny fluent fixture for fake graphs (after Bazel's GraphTester):
 * <pre>{@code
 * var fakes = new FakeGraph();
 * fakes.unit("a").task("x").task("y", dependsOn("x"));
 * fakes.task("a/x").input("v", "1");
 * TaskGraph graph = fakes.graph();
 * }</pre>
 * Every fake task records what it does ("run a/x", "undo a/x", "destroy a/x") into one shared log.
 */
final class FakeGraph {

    private final Map<TaskId, FakeTask> tasks = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    static String[] dependsOn(String... names) {
        return names;
    }

    Unit unit(String unit) {
        return new Unit(unit);
    }

    FakeTask task(String id) {
        var task = tasks.get(TaskId.parse(id));
        if (task == null) {
            throw new IllegalArgumentException("no fake task " + id);
        }
        return task;
    }

    List<FakeTask> tasks() {
        return List.copyOf(tasks.values());
    }

    void remove(String id) {
        tasks.remove(TaskId.parse(id));
    }

    TaskGraph graph() {
        return TaskGraph.of(tasks.values());
    }

    synchronized void record(String line) {
        log.add(line);
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** The log lines starting with {@code verb} ("run", "undo", "destroy"), as task ids. */
    synchronized List<String> logOf(String verb) {
        return log.stream().filter(line -> line.startsWith(verb + " ")).map(line -> line.substring(verb.length() + 1)).toList();
    }

    synchronized void clearLog() {
        log.clear();
    }

    final class Unit {
        private final String name;

        private Unit(String name) {
            this.name = name;
        }

        Unit task(String taskName, String... dependencies) {
            var task = new FakeTask(TaskId.of(name, taskName), FakeGraph.this);
            for (var dependency : dependencies) {
                task.dependsOn(dependency);
            }
            tasks.put(task.id(), task);
            return this;
        }
    }
}
