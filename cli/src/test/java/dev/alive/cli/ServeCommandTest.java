package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alive token and alive serve: the real command line, and a real server process stopped by SIGTERM. */
class ServeCommandTest {

    @Test
    void aTokenIsShownOnceAndListedWithoutItsSecret(@TempDir Path dir) {
        var workspace = new Workspace(dir);
        var created = workspace.run("token", "create", "--name", "web", "--scope", "deploy");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        var secret = created.out().strip();
        assertThat(secret).matches("alive_[A-Za-z0-9_-]{43}");
        var listed = workspace.run("token", "list");
        assertThat(listed.out()).contains("web").contains("deploy").doesNotContain(secret);
        assertThat(workspace.run("token", "create", "--name", "web", "--scope", "read").err()).contains("exists already");
        assertThat(workspace.run("token", "create", "--name", "x", "--scope", "root").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(workspace.run("token", "delete", "web").exitCode()).isZero();
        assertThat(workspace.run("token", "delete", "web").exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void printsAHardenedUnitThatStopsWithSigterm(@TempDir Path dir) {
        var unit = new Workspace(dir).runIn(java.util.Map.of("PATH", System.getenv("PATH")), false, "", "serve", "--print-unit");

        assertThat(unit.exitCode()).as(unit.toString()).isZero();
        assertThat(unit.out()).contains("ExecStart=/usr/local/bin/alive serve --host production --listen 127.0.0.1:7070")
                .contains("KillSignal=SIGTERM", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectKernelModules=yes",
                        "CapabilityBoundingSet=", "Restart=on-failure", "[Install]")
                .doesNotContain("MemoryDenyWriteExecute=yes");
    }

    @Test
    void refusesAListenAddressItCannotUse(@TempDir Path dir) {
        var workspace = new Workspace(dir);
        for (var listen : new String[] {"7070", "127.0.0.1:", "127.0.0.1:99999", "unix:/run/alive.sock"}) {
            var result = workspace.run("serve", "--listen", listen);
            assertThat(result.exitCode()).as(listen).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("--listen must be ADDRESS:PORT");
        }
    }

    @Test
    void aServerProcessAnswersWithATokenAndExitsOnSigterm(@TempDir Path dir) throws Exception {
        var workspace = new Workspace(dir);
        var secret = workspace.run("token", "create", "--name", "ops", "--scope", "read").out().strip();
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("serve");
        command.add("--listen");
        command.add("127.0.0.1:" + port);
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        builder.environment().putAll(workspace.env);
        var process = builder.start();
        try {
            var client = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (health == null) {
                assertThat(process.isAlive()).as(Files.readString(dir.resolve("serve.log"))).isTrue();
                assertThat(System.nanoTime()).as("the server answers within 60 s").isLessThan(deadline);
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                            .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sites")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
            assertThat(Files.readString(dir.resolve("serve.log"), StandardCharsets.UTF_8))
                    .contains("listening on 127.0.0.1:" + port).doesNotContain(secret).doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
