package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCommandRunnerTest {
    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    private final LocalCommandRunner runner = new LocalCommandRunner();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Test
    void passesEveryArgumentExactlyAsGiven() {
        runner.run(Command.of(dir, "printf", "[%s]\\n", "  two  spaces ", "", "it's \"q\"", "$HOME")
                .withEnvironment(PATH), lines::add);

        assertThat(lines).containsExactly("[  two  spaces ]", "[]", "[it's \"q\"]", "[$HOME]");
    }

    @Test
    void givesTheCommandOnlyTheEnvironmentItNames() {
        runner.run(Command.of(dir, "env").withEnvironment(Map.of("PATH", "/usr/bin:/bin", "PORT", "3333")), lines::add);

        assertThat(lines).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "PORT=3333");
    }

    @Test
    void looksUpTheProgramOnTheCommandsOwnPath() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path tool = bin.resolve("site-tool");
        Files.writeString(tool, "#!/bin/sh\necho from site-tool in \"$PWD\"\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        runner.run(Command.of(dir, "site-tool").withEnvironment(Map.of("PATH", bin + ":/usr/bin:/bin")), lines::add);

        assertThat(lines).containsExactly("from site-tool in " + dir);
        assertThatThrownBy(() -> runner.run(Command.of(dir, "site-tool").withEnvironment(PATH)))
                .isInstanceOf(ExecutableNotFoundException.class).hasMessageContaining("site-tool");
    }

    @Test
    void streamsStdoutAndStderrMergedInOrder() {
        runner.run(Command.of(dir, "sh", "-c", "echo one; echo two >&2; echo three").withEnvironment(PATH), lines::add);

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void failureCarriesExitCodeCommandAndLastFortyLines() {
        assertThatThrownBy(() -> runner.run(
                Command.of(dir, "sh", "-c", "seq 1 100; exit 3").withEnvironment(Map.of("PATH", "/usr/bin:/bin", "TOKEN", "s3cret")),
                lines::add))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.command()).isEqualTo("sh -c 'seq 1 100; exit 3'");
                    assertThat(e.lastLines()).isEqualTo(IntStream.rangeClosed(61, 100).mapToObj(Integer::toString).toList());
                    assertThat(e.getMessage()).contains("exited with 3").contains("\n100").doesNotContain("s3cret");
                });
        assertThat(lines).hasSize(100);
    }

    @Test
    void killsTheWholeProcessTreeOnTimeout() throws Exception {
        Path childPid = dir.resolve("child.pid");
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner.run(Command.of(dir, "sh", "-c", "sleep 30 & echo $! > child.pid; wait")
                .withEnvironment(PATH).withTimeout(Duration.ofMillis(500))))
                .isInstanceOfSatisfying(CommandFailedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(CommandFailedException.NO_EXIT_CODE))
                .hasMessageContaining("timed out");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long pid = Long.parseLong(Files.readString(childPid).trim());
        assertThat(ProcStat.isLive(pid)).as("background child still alive").isFalse();
    }

    @Test
    void runsACommandOfARunInAProcessGroupOfItsOwnMarkedWithTheRun() throws Exception {
        runner.run(Command.of(dir, "sh", "-c", "cat /proc/$$/stat; echo \"$ALIVE_RUN_ID\"").withEnvironment(PATH)
                .inRun("run-7"), lines::add);

        var stat = lines.get(0).substring(lines.get(0).lastIndexOf(')') + 2).split(" ");
        long pid = Long.parseLong(lines.get(0).substring(0, lines.get(0).indexOf(' ')));
        assertThat(Long.parseLong(stat[2])).as("process group").isEqualTo(pid);
        assertThat(Long.parseLong(stat[3])).as("session").isEqualTo(pid);
        assertThat(Long.parseLong(stat[2])).isNotEqualTo(ProcStat.read(ProcessHandle.current().pid()).orElseThrow()
                .processGroup());
        assertThat(lines.get(1)).isEqualTo("run-7");
    }

    @Test
    void anInterruptedRunKillsItsCommandWithEveryChildAndSaysSo() throws Exception {
        Path pids = dir.resolve("pids");
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        var waiting = new Thread(() -> {
            try {
                // a child in the group whose parent exits, and one that left the group (setsid)
                runner.run(Command.of(dir, "sh", "-c", "sh -c 'sleep 300 & echo $! >> pids' ; sleep 300 & echo $! >> pids;"
                        + " wait").withEnvironment(PATH).inRun("run-8"), lines::add);
            } catch (Throwable e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiting.start();
        awaitLines(pids, 2);
        long start = System.nanoTime();

        waiting.interrupt();
        waiting.join(10_000);

        assertThat(waiting.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.get()).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("was stopped (its run was interrupted) and killed with every process it started");
        assertThat(stillInterrupted.get()).isTrue();
        for (var pid : Files.readAllLines(pids)) {
            assertThat(ProcStat.isLive(Long.parseLong(pid.trim()))).as("child " + pid + " still alive").isFalse();
        }
    }

    private static void awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file) || Files.readAllLines(file).size() < count) {
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void runsAsAnotherUserWithoutNewPrivileges() {
        runner.run(Command.of(dir, "sh", "-c", "id -u; id -g; id -G; grep NoNewPrivs /proc/self/status")
                .withEnvironment(PATH).as(new RunAs(65534, 65533)), lines::add);

        assertThat(lines).containsExactly("65534", "65533", "65533", "NoNewPrivs:\t1");
    }

    @Test
    void reportsACommandThatCannotStart() {
        assertThatThrownBy(() -> runner.run(Command.of(dir.resolve("missing"), "/usr/bin/true")))
                .isInstanceOfSatisfying(CommandFailedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(CommandFailedException.NO_EXIT_CODE))
                .hasMessageContaining("could not start");
    }

    @Test
    void writesOutputToAFileWhenAskedAndDoesNotWaitForBackgroundChildren() {
        Path log = dir.resolve("out.log");
        long start = System.nanoTime();

        runner.run(Command.of(dir, "sh", "-c", "echo started; sleep 3 &").withEnvironment(PATH).withOutputTo(log), lines::add);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(lines).isEmpty();
        assertThat(FileOps.lastLines(log, 5)).containsExactly("started");
        assertThatThrownBy(() -> runner.run(Command.of(dir, "sh", "-c", "echo bad config; exit 1")
                .withEnvironment(PATH).withOutputTo(log)))
                .isInstanceOfSatisfying(CommandFailedException.class,
                        e -> assertThat(e.lastLines()).containsExactly("started", "bad config"));
    }
}
