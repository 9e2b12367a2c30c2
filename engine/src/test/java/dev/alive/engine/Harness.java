package dev.alive.engine;

import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** An engine over an in-memory store and a fake graph, with a fresh recording listener per apply. */
final class Harness {

    final FakeGraph fakes = new FakeGraph();
    final StateStore store;
    final Engine engine;
    RecordingListener listener = new RecordingListener();

    Harness(Path workDir) {
        this(new InMemoryStateStore(), options(workDir));
    }

    Harness(StateStore store, EngineOptions options) {
        this.store = store;
        this.engine = Engine.create(store, options);
    }

    static EngineOptions options(Path workDir) {
        return EngineOptions.defaults().withWorkDir(workDir).withHostName("test-host")
                .withLockTiming(Duration.ofSeconds(30), Duration.ofMillis(50));
    }

    ApplyResult applyAll(ApplyOptions options) {
        listener = new RecordingListener();
        fakes.clearLog();
        return engine.apply(fakes.graph(), options, listener);
    }

    /** Applies a graph of one unit and returns that unit's result. */
    UnitResult.Finished apply() {
        return apply(ApplyOptions.defaults());
    }

    UnitResult.Finished apply(ApplyOptions options) {
        var result = applyAll(options);
        return (UnitResult.Finished) result.units().get(0);
    }

    UnitResult.Finished applyForcing(String... ids) {
        var forced = Set.of(ids).stream().map(TaskId::parse).collect(java.util.stream.Collectors.toSet());
        return apply(ApplyOptions.defaults().withForced(forced));
    }

    Plan plan() {
        return engine.plan(fakes.graph());
    }

    static TaskId id(String text) {
        return TaskId.parse(text);
    }
}
