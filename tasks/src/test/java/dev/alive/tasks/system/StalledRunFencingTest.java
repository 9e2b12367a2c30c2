package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.ApplyOptions;
import dev.alive.engine.Engine;
import dev.alive.engine.EngineOptions;
import dev.alive.engine.RecoveredRun;
import dev.alive.engine.RunListener;
import dev.alive.engine.TaskGraph;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.state.AliveDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fencing on the real stores, with a real command: run A holds a site's lock but beats less often
 * than run B's stale timeout (as a stalled process would), so B takes the lock over while A's build
 * command runs. A's next beat finds the lock gone: its command (and the command's child) is killed,
 * and A commits, undoes and finishes nothing; B recovers A and commits.
 */
class StalledRunFencingTest {
    private static final TaskId BUILD = TaskId.of("site.test", "build");

    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        try (var database = AliveDatabase.open("sqlite:" + dir.resolve("state.db"))) {
            stalledRunIsFencedOut(database.stateStore());
        }
    }

    @Test
    void onPostgresql() throws Exception {
        var name = "alive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        maintenance("create database " + name);
        try (var database = AliveDatabase.open("postgresql://postgres@127.0.0.1:5432/" + name)) {
            stalledRunIsFencedOut(database.stateStore());
        } finally {
            maintenance("drop database if exists " + name + " with (force)");
        }
    }

    private void stalledRunIsFencedOut(StateStore store) throws Exception {
        var childPid = dir.resolve("child.pid");
        var slowBuild = new CommandTask("sleep 300 & echo $! > " + childPid + "; wait", "stalled");
        // A beats every 2 s; B counts a heartbeat older than 500 ms as stale
        var stalled = CompletableFuture.supplyAsync(() -> apply(store, slowBuild,
                options().withLockTiming(Duration.ofSeconds(20), Duration.ofSeconds(2))));
        awaitFile(childPid);
        Thread.sleep(700);
        long pid = Long.parseLong(Files.readString(childPid).trim());

        var rescuer = apply(store, new CommandTask("true", "rescuer"),
                options().withLockTiming(Duration.ofMillis(500), Duration.ofMillis(100)));
        var lost = stalled.get(20, TimeUnit.SECONDS);

        assertThat(rescuer.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(rescuer.recovered()).extracting(RecoveredRun::runId).containsExactly(lost.runId());
        assertThat(lost.outcome()).as(lost.summary()).isEqualTo(RunOutcome.RUNNING);
        assertThat(lost.summary()).contains("run " + lost.runId() + " lost the lock of site.test", "committed nothing");
        assertThat(lost.failure().orElseThrow().message()).contains("was stopped (its run was interrupted)");
        assertThat(ProcStat.isLive(pid)).as("the stalled build's child").isFalse();
        assertThat(store.committed(BUILD).orElseThrow().outputs().get("by").value()).isEqualTo("rescuer");
        assertThat(store.run(lost.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
        assertThat(store.lockHolder("site.test")).isEmpty();
    }

    /** Without {@link LeftoverCommands}: the stalled run's own heartbeat must kill its command. */
    private EngineOptions options() {
        return EngineOptions.defaults().withWorkDir(dir.resolve("work")).withHostName("test-host");
    }

    private static UnitResult.Finished apply(StateStore store, Task task, EngineOptions options) {
        return (UnitResult.Finished) Engine.create(store, options)
                .apply(TaskGraph.of(List.of(task)), ApplyOptions.defaults(), RunListener.NONE).units().get(0);
    }

    private static void awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file) || Files.readString(file).isBlank()) {
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void maintenance(String sql) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A build-like task: runs a shell command tied to its run, and outputs who ran it. */
    private record CommandTask(String script, String by) implements Task {
        @Override
        public TaskId id() {
            return BUILD;
        }

        @Override
        public Set<TaskId> dependsOn() {
            return Set.of();
        }

        @Override
        public List<Input> inputs() {
            return List.of(Input.value("by", by));
        }

        @Override
        public Map<String, Output> run(TaskContext context) {
            new LocalCommandRunner().run(Command.of(Path.of("/"), "sh", "-c", script)
                    .withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH)).inRun(context.runId()), context::log);
            return Map.of("by", Output.value(by));
        }

        @Override
        public void undo(UndoContext context) {
        }
    }
}
