package dev.alive.engine;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * An immutable DAG of tasks; an edge points from a dependency to its dependent. Tasks are grouped
 * into units by {@link TaskId#unit()}; a task may depend only on tasks of its own unit, and may
 * read outputs ({@link Input.Upstream}) only of tasks it depends on.
 *
 * <p>Orders are deterministic: among tasks that could go next, the smallest id comes first.
 */
public final class TaskGraph {

    private final Map<TaskId, Task> tasks;
    private final List<TaskId> order;
    private final Map<String, List<Task>> unitTasks;
    private final Map<TaskId, Set<TaskId>> dependsOn;
    private final Map<TaskId, Set<TaskId>> dependents;
    private volatile DirectedAcyclicGraph<TaskId, DefaultEdge> dag;

    private TaskGraph(Map<TaskId, Task> tasks, List<TaskId> order, Map<TaskId, Set<TaskId>> dependsOn) {
        this.tasks = tasks;
        this.order = List.copyOf(order);
        var byUnit = new TreeMap<String, List<Task>>();
        order.forEach(id -> byUnit.computeIfAbsent(id.unit(), u -> new ArrayList<>()).add(tasks.get(id)));
        byUnit.replaceAll((unit, list) -> List.copyOf(list));
        this.unitTasks = Collections.unmodifiableMap(byUnit);
        var dependentsOf = new HashMap<TaskId, Set<TaskId>>();
        order.forEach(id -> dependsOn.get(id).forEach(dependency ->
                dependentsOf.computeIfAbsent(dependency, d -> new TreeSet<>()).add(id)));
        dependsOn.replaceAll((id, dependencies) -> Collections.unmodifiableSet(dependencies));
        dependentsOf.replaceAll((id, ids) -> Collections.unmodifiableSet(ids));
        this.dependsOn = dependsOn;
        this.dependents = dependentsOf;
    }

    /**
     * Builds the graph.
     *
     * @throws InvalidTaskGraphException on a duplicate id, a missing dependency, a dependency on
     *     another unit, an upstream input of a task that is not a dependency, or a cycle
     */
    public static TaskGraph of(Collection<? extends Task> tasks) {
        var byId = new LinkedHashMap<TaskId, Task>();
        for (var task : tasks) {
            if (byId.putIfAbsent(task.id(), task) != null) {
                throw new InvalidTaskGraphException("task " + task.id() + " is declared twice");
            }
        }
        var dependsOn = new HashMap<TaskId, Set<TaskId>>();
        byId.values().forEach(task -> dependsOn.put(task.id(), validDependencies(task, byId)));
        var order = TopologicalOrder.of(dependsOn).orElseThrow(() -> new InvalidTaskGraphException(
                DependencyCycles.describe(DependencyCycles.find(new TreeMap<>(dependsOn)).orElseThrow())));
        return new TaskGraph(Collections.unmodifiableMap(byId), order, dependsOn);
    }

    private static Set<TaskId> validDependencies(Task task, Map<TaskId, Task> byId) {
        var dependencies = new TreeSet<>(task.dependsOn());
        for (var dependency : dependencies) {
            if (!byId.containsKey(dependency)) {
                throw new InvalidTaskGraphException(
                        task.id() + " depends on " + dependency + ", which is not part of the graph");
            }
            if (!dependency.unit().equals(task.id().unit())) {
                throw new InvalidTaskGraphException(task.id() + " depends on " + dependency
                        + " of another unit; a task may only depend on tasks of its own unit");
            }
        }
        for (var input : task.inputs()) {
            if (input instanceof Input.Upstream upstream && !dependencies.contains(upstream.task())) {
                throw new InvalidTaskGraphException(task.id() + " reads output '" + upstream.output() + "' of "
                        + upstream.task() + " (input '" + upstream.name() + "') but does not depend on it");
            }
        }
        return dependencies;
    }

    /** Every task, dependencies before dependents. */
    public List<Task> tasks() {
        return order.stream().map(tasks::get).toList();
    }

    /** The distinct units, sorted. */
    public List<String> units() {
        return List.copyOf(unitTasks.keySet());
    }

    /** The tasks of one unit, dependencies before dependents (empty for an unknown unit). */
    public List<Task> tasksOf(String unit) {
        return unitTasks.getOrDefault(unit, List.of());
    }

    public Optional<Task> find(TaskId id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public Task task(TaskId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no task " + id + " in the graph"));
    }

    public boolean contains(TaskId id) {
        return tasks.containsKey(id);
    }

    public int size() {
        return tasks.size();
    }

    /** The tasks {@code id} depends on directly. */
    public Set<TaskId> dependencies(TaskId id) {
        return dependsOn.get(known(id));
    }

    /** The tasks that depend directly on {@code id}. */
    public Set<TaskId> dependents(TaskId id) {
        return dependents.getOrDefault(known(id), Set.of());
    }

    /** Every task {@code id} depends on, directly or not. */
    public Set<TaskId> ancestors(TaskId id) {
        return Collections.unmodifiableSet(new TreeSet<>(dag().getAncestors(known(id))));
    }

    /** Every task that depends on {@code id}, directly or not. */
    public Set<TaskId> descendants(TaskId id) {
        return Collections.unmodifiableSet(new TreeSet<>(dag().getDescendants(known(id))));
    }

    /**
     * The jgrapht DAG, made on first use: a fleet's graph has thousands of tasks, and planning or
     * applying it needs only the direct neighbours kept above. Vertices go in in topological order,
     * so no edge makes the DAG reorder its index.
     */
    private DirectedAcyclicGraph<TaskId, DefaultEdge> dag() {
        var made = dag;
        if (made == null) {
            synchronized (this) {
                made = dag;
                if (made == null) {
                    made = new DirectedAcyclicGraph<>(DefaultEdge.class);
                    order.forEach(made::addVertex);
                    for (var id : order) {
                        for (var dependency : dependsOn.get(id)) {
                            made.addEdge(dependency, id);
                        }
                    }
                    dag = made;
                }
            }
        }
        return made;
    }

    private TaskId known(TaskId id) {
        if (!tasks.containsKey(id)) {
            throw new IllegalArgumentException("no task " + id + " in the graph");
        }
        return id;
    }

    @Override
    public String toString() {
        return "TaskGraph" + order;
    }
}
