package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

    private final FakeGraph fakes = new FakeGraph();

    @Test
    void ordersDependenciesBeforeDependentsDeterministically() {
        fakes.unit("a").task("d", dependsOn("b", "c")).task("c", dependsOn("a")).task("b", dependsOn("a")).task("a");

        var graph = fakes.graph();

        assertThat(graph.tasks()).extracting(Task::id).extracting(TaskId::name).containsExactly("a", "b", "c", "d");
    }

    @Test
    void namesTheTasksOnACycleInDependencyOrder() {
        fakes.unit("a").task("x", dependsOn("y")).task("y", dependsOn("x")).task("z", dependsOn("x"));

        assertThatThrownBy(fakes::graph)
                .isInstanceOf(InvalidTaskGraphException.class)
                .hasMessage("dependency cycle: a/x -> a/y -> a/x");
    }

    @Test
    void namesALongerCycleAndOnlyItsTasks() {
        fakes.unit("a").task("start", dependsOn("p")).task("p", dependsOn("q")).task("q", dependsOn("r"))
                .task("r", dependsOn("p"));

        assertThatThrownBy(fakes::graph).hasMessage("dependency cycle: a/p -> a/q -> a/r -> a/p");
    }

    @Test
    void aTaskDependingOnItselfIsACycle() {
        fakes.unit("a").task("x", dependsOn("x"));

        assertThatThrownBy(fakes::graph).hasMessage("dependency cycle: a/x -> a/x");
    }

    @Test
    void namesBothTasksOfAMissingDependency() {
        fakes.unit("a").task("y", dependsOn("z"));

        assertThatThrownBy(fakes::graph)
                .isInstanceOf(InvalidTaskGraphException.class)
                .hasMessage("a/y depends on a/z, which is not part of the graph")
                .hasNoCause();
    }

    @Test
    void refusesADependencyOnAnotherUnit() {
        var crossing = new StubTask(id("a/x"), Set.of(id("b/z")), List.of());

        assertThatThrownBy(() -> TaskGraph.of(List.of(crossing, new StubTask(id("b/z"), Set.of(), List.of()))))
                .hasMessage("a/x depends on b/z of another unit; a task may only depend on tasks of its own unit");
    }

    @Test
    void refusesReadingTheOutputOfATaskItDoesNotDependOn() {
        var reader = new StubTask(id("a/y"), Set.of(), List.of(Input.upstream("in", id("a/x"), "out")));

        assertThatThrownBy(() -> TaskGraph.of(List.of(new StubTask(id("a/x"), Set.of(), List.of()), reader)))
                .hasMessage("a/y reads output 'out' of a/x (input 'in') but does not depend on it");
    }

    @Test
    void refusesTheSameTaskIdTwice() {
        fakes.unit("a").task("x");

        assertThatThrownBy(() -> TaskGraph.of(List.of(fakes.task("a/x"), new StubTask(id("a/x"), Set.of(), List.of()))))
                .hasMessage("task a/x is declared twice");
    }

    @Test
    void answersDependenciesDependentsAncestorsAndDescendants() {
        fakes.unit("a").task("x").task("y", dependsOn("x")).task("z", dependsOn("y")).task("w");

        var graph = fakes.graph();

        assertThat(graph.dependencies(id("a/z"))).containsExactly(id("a/y"));
        assertThat(graph.dependents(id("a/x"))).containsExactly(id("a/y"));
        assertThat(graph.ancestors(id("a/z"))).containsExactly(id("a/x"), id("a/y"));
        assertThat(graph.descendants(id("a/x"))).containsExactly(id("a/y"), id("a/z"));
        assertThat(graph.descendants(id("a/w"))).isEmpty();
    }

    @Test
    void groupsTasksIntoUnitsInTopologicalOrder() {
        fakes.unit("b.example").task("second", dependsOn("first")).task("first");
        fakes.unit("a.example").task("only");

        var graph = fakes.graph();

        assertThat(graph.units()).containsExactly("a.example", "b.example");
        assertThat(graph.tasksOf("b.example")).extracting(Task::id).containsExactly(id("b.example/first"), id("b.example/second"));
        assertThat(graph.tasksOf("nope")).isEmpty();
    }
}
