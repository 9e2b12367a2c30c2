package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL in a real separate JVM is undone by the next run, which then proceeds. */
@Tag("slow")
class CrashRecoveryTest {

    @TempDir
    Path temp;

    @Test
    void aRunKilledMidwayIsUndoneByTheNextRunWhichThenProceeds() throws Exception {
        var storeFile = temp.resolve("store.log");
        var marker = temp.resolve("second-started");
        var child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingApplyMain.class.getName(), storeFile.toString(), temp.resolve("work").toString(),
                marker.toString()))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.out").toFile())
                .start();
        try {
            awaitFile(marker, child, Duration.ofSeconds(60));
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).isEqualTo(137);

        var store = new FileBackedStateStore(storeFile);
        var dead = store.unfinishedRuns("a");
        assertThat(dead).singleElement().extracting(RunRecord::pid).isEqualTo(child.pid());
        assertThat(store.lockHolder("a")).get().extracting(LockOwner::pid).isEqualTo(child.pid());
        var fakes = CrashingApplyMain.graph();
        var listener = new RecordingListener();

        var result = Engine.create(store, Harness.options(temp.resolve("work")))
                .apply(fakes.graph(), ApplyOptions.defaults(), listener);

        assertThat(fakes.log()).containsExactly("undo a/second", "undo a/first", "run a/first", "run a/second");
        assertThat(fakes.task("a/second").undoNotesSeen).containsExactly(Map.of("release", "r1"));
        assertThat(fakes.task("a/first").undoNotesSeen).containsExactly(Map.of("created", "/srv/first"));
        var finished = (UnitResult.Finished) result.units().get(0);
        assertThat(finished.recovered()).singleElement().extracting(RecoveredRun::outcome).isEqualTo(RunOutcome.RECOVERED);
        assertThat(finished.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        var reopened = new FileBackedStateStore(storeFile);
        assertThat(reopened.run(dead.get(0).runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
        assertThat(reopened.committedUnit("a")).hasSize(2);
        assertThat(reopened.unfinishedRuns("a")).isEmpty();
        assertThat(reopened.lockHolder("a")).isEmpty();
    }

    private static void awaitFile(Path file, Process child, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            assertThat(child.isAlive()).as("child died early; see child.out").isTrue();
            assertThat(System.nanoTime()).as("child did not start a/second in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
