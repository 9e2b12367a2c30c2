package dev.alive.tasks.system;

import dev.alive.tasks.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessServiceTest {
    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    private ProcessService service;

    @BeforeEach
    void service() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        service = new ProcessService(dir.resolve("app.pid"), dir.resolve("app.log"), Duration.ofMillis(500), new LocalCommandRunner());
    }

    @AfterEach
    void stopLeftovers() {
        service.stop();
    }

    private Command shell(String script) {
        return Command.of(dir, "sh", "-c", script).withEnvironment(PATH);
    }

    @Test
    void startsDetachedInItsOwnSessionWithAPrivatePidFileAndALog() throws Exception {
        long pid = service.start(shell("echo hello from the app; exec sleep 60"));

        ProcStat stat = ProcStat.read(pid).orElseThrow();
        assertThat(stat.session()).isEqualTo(pid);
        assertThat(stat.processGroup()).isEqualTo(pid);
        assertThat(service.isRunning()).isTrue();
        assertThat(service.pid()).contains(pid);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("app.pid")))).isEqualTo("rw-------");
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/0"))).isEqualTo(Path.of("/dev/null"));
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/1"))).isEqualTo(dir.resolve("app.log"));
        awaitLog("hello from the app");

        assertThat(service.stop()).isTrue();
        assertThat(service.isRunning()).isFalse();
        assertThat(ProcStat.isLive(pid)).isFalse();
        assertThat(dir.resolve("app.pid")).doesNotExist();
        assertThat(service.stop()).isFalse();
    }

    @Test
    void runsANodeServerAsAnotherUserUntilStopped() throws Exception {
        // port 0 and a logged port: a port picked in advance could be taken by another process meanwhile
        long pid = service.start(Command.of(dir, "node", "-e", "const s = require('http')"
                        + ".createServer((q, r) => r.end('node ' + process.getuid()))"
                        + ".listen(0, '127.0.0.1', () => console.log('port=' + s.address().port))")
                .withEnvironment(PATH)
                .as(new RunAs(65534, 65534)));
        int port = Integer.parseInt(awaitLogLine("port=").substring("port=".length()));

        HealthCheck.Result health = new HealthCheck(new LoopbackHttp()).check(port, "/", Duration.ofSeconds(20), a -> { });
        assertThat(health.healthy()).as(service.lastLogLines(20).toString()).isTrue();
        assertThat(Http.get(port, "localhost", "/").body()).isEqualTo("node 65534");
        assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/status"))).contains("Uid:\t65534\t65534\t65534\t65534");

        service.stop();

        assertThat(ProcStat.isLive(pid)).isFalse();
        // not "cannot connect": a connect to a free loopback port can meet itself (TCP self-connect)
        assertThat(answersAsNode(port)).isFalse();
    }

    @Test
    void stopsTheWholeProcessGroup() throws Exception {
        service.start(shell("sleep 60 & echo $! > child.pid; wait"));
        long child = Long.parseLong(awaitFile(dir.resolve("child.pid")).trim());
        assertThat(ProcStat.isLive(child)).isTrue();

        service.stop();

        assertThat(ProcStat.isLive(child)).isFalse();
    }

    @Test
    void stopsWhatALeaderThatAlreadyExitedLeftInItsGroup() throws Exception {
        long leader = service.start(shell("sleep 60 & echo $! > child.pid"));
        long child = Long.parseLong(awaitFile(dir.resolve("child.pid")).trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcStat.isLive(leader) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(service.isRunning()).isFalse();

        service.stop();

        assertThat(ProcStat.isLive(child)).isFalse();
    }

    @Test
    void killsAProcessThatIgnoresSigtermAfterTheStopTimeout() throws Exception {
        long pid = service.start(shell("trap '' TERM; echo ready; while :; do sleep 0.1; done"));
        awaitLog("ready");
        long start = System.nanoTime();

        service.stop();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(5));
        assertThat(ProcStat.liveInGroup(pid)).isEmpty();
    }

    @Test
    void doesNotMistakeARecycledPidForItsProcess() throws Exception {
        ProcStat someoneElse = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();
        Files.writeString(dir.resolve("app.pid"), someoneElse.pid() + " " + (someoneElse.startTime() + 1) + "\n");

        assertThat(service.isRunning()).isFalse();
        assertThat(service.stop()).isFalse();
        assertThat(ProcStat.isLive(someoneElse.pid())).isTrue();
    }

    @Test
    void theProcessGetsExactlyTheCommandsEnvironment() throws Exception {
        service.start(Command.of(dir, "env").withEnvironment(java.util.Map.of("PATH", Executables.SYSTEM_PATH,
                "SITE_SETTING", "from the env file")));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (service.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(service.lastLogLines(10)).containsExactlyInAnyOrder("PATH=" + Executables.SYSTEM_PATH,
                "SITE_SETTING=from the env file");
    }

    @Test
    void knowsWhenTheProcessExitedByItself() throws Exception {
        service.start(shell("echo bye; exit 3"));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (service.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(service.isRunning()).isFalse();
        assertThat(service.lastLogLines(5)).containsExactly("bye");
    }

    @Test
    void restartsWithANewPidAndRefusesADoubleStart() throws Exception {
        long first = service.start(shell("exec sleep 60"));
        assertThatThrownBy(() -> service.start(shell("exec sleep 60")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already running as pid " + first);

        long second = service.restart(shell("exec sleep 60"));

        assertThat(second).isNotEqualTo(first);
        assertThat(ProcStat.isLive(first)).isFalse();
        assertThat(service.pid()).contains(second);
    }

    private void awaitLog(String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!service.lastLogLines(10).contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(service.lastLogLines(10)).contains(line);
    }

    private String awaitLogLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var line = service.lastLogLines(10).stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line starting with " + prefix + " in " + service.lastLogLines(10));
    }

    private static String awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((!Files.exists(file) || Files.readString(file).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Files.readString(file);
    }

    private static boolean answersAsNode(int port) {
        try {
            return Http.get(port, "localhost", "/").body().equals("node 65534");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
