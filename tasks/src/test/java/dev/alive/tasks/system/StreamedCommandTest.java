package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedCommandTest {

    @TempDir
    Path dir;

    private Command shell(String script) {
        return Command.of(dir, "sh", "-c", script).withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH));
    }

    @Test
    void stopsACommandThatNeverEndsWhenTheSinkHasEnoughAndKillsItsChildren() throws Exception {
        var pidFile = dir.resolve("child.pid");
        var lines = new ArrayList<String>();

        StreamedCommand.run(shell("sleep 300 & echo $! > " + pidFile + "; echo one; echo two; wait"),
                line -> lines.add(line) && lines.size() < 2);

        assertThat(lines).containsExactly("one", "two");
        long child = Long.parseLong(Files.readString(pidFile).trim());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcStat.isLive(child) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ProcStat.isLive(child)).as("the command's child was killed").isFalse();
    }

    @Test
    void passesEveryLineOfACommandThatEnds() {
        var lines = new ArrayList<String>();

        StreamedCommand.run(shell("echo out; echo err >&2"), lines::add);

        assertThat(lines).containsExactly("out", "err");
    }

    @Test
    void failsWithTheLastLinesWhenTheCommandFails() {
        assertThatThrownBy(() -> StreamedCommand.run(shell("echo 'Failed to parse timestamp: x'; exit 1"), line -> true))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("exited with 1").hasMessageContaining("Failed to parse timestamp: x");
    }
}
