package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: what a dead run left running is found by its marker, and only that is stopped. */
class LeftoverCommandsTest {
    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    private final List<Process> started = new java.util.ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(p -> LocalCommandRunner.killTree(p.toHandle()));
    }

    @Test
    void stopsEveryProcessMarkedWithTheDeadRunAndNothingElse() throws Exception {
        var dead = start("run-dead", "sleep 300 & setsid sleep 300 & trap '' TERM; sleep 300 & wait");
        var other = start("run-other", "sleep 300 & wait");
        var unmarked = start(null, "sleep 300 & wait");
        awaitMarked("run-dead", 4);

        long begin = System.nanoTime();
        int stopped = new LeftoverCommands().stop("run-dead");

        assertThat(stopped).isEqualTo(4);
        assertThat(LeftoverCommands.marked("run-dead")).isEmpty();
        assertThat(dead.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("TERM, then KILL after the grace")
                .isLessThan(LeftoverCommands.GRACE.plusSeconds(3));
        assertThat(LeftoverCommands.marked("run-other")).hasSize(2);
        assertThat(other.isAlive()).isTrue();
        assertThat(unmarked.isAlive()).isTrue();
        assertThat(LeftoverCommands.marked("run-")).as("a prefix of a run id is not its marker").isEmpty();
    }

    @Test
    void findsNothingToStopForARunThatLeftNothing() {
        assertThat(new LeftoverCommands().stop("run-that-left-nothing")).isZero();
    }

    private Process start(String runId, String script) throws Exception {
        var builder = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(PATH);
        if (runId != null) {
            builder.environment().put(Command.RUN_MARKER, runId);
        }
        var process = builder.start();
        started.add(process);
        return process;
    }

    private static void awaitMarked(String runId, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (LeftoverCommands.marked(runId).size() < count) {
            assertThat(System.nanoTime()).as("waiting for " + count + " processes of " + runId).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
