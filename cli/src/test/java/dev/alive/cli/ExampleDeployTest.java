package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as an operator runs it: {@code bin/alive apply specs/examples/hello/site.yaml} in a
 * fresh working folder, as a separate process, twice; then the page, directly and through Caddy.
 * Runs after the jar is packaged (cli/pom.xml binds it to the integration-test phase), so
 * {@code bin/alive} finds it fresh and does not build.
 */
@Tag("slow")
class ExampleDeployTest {

    static final Path REPO = Workspace.EXAMPLE.getParent().getParent().getParent();
    static final Path SPEC = Workspace.EXAMPLE.resolve("site.yaml");

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();
    String caddyAdmin;
    int caddyPort;

    @BeforeEach
    void hostWithFreePorts() throws IOException {
        int sitePort = Workspace.freePort();
        caddyAdmin = "127.0.0.1:" + Workspace.freePort();
        caddyPort = Workspace.freePort();
        Files.writeString(dir.resolve("host.yaml"), "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./.alive\n"
                + "ports: " + sitePort + "-" + sitePort + "\nproxy:\n  kind: caddy\n  admin: " + caddyAdmin
                + "\n  listen: 127.0.0.1:" + caddyPort + "\n");
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("ALIVE_") && !name.equals("NO_COLOR")) {
                env.put(name, value);
            }
        });
        env.put("ALIVE_HOST", dir.resolve("host.yaml").toString());
        env.put("ALIVE_CADDY_ADMIN", caddyAdmin);
    }

    @AfterEach
    void destroyAndStopCaddy() throws Exception {
        alive("destroy", SPEC.toString());
        run(List.of("caddy", "stop", "--address", caddyAdmin));
    }

    @Test
    void exampleDeploysThenRedeploysAsANoOpAndServesItsPage() throws Exception {
        env.put("ALIVE_OWNER_PASSWORD", "example owner password");
        var first = alive("apply", SPEC.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("Apply complete: 13 ran, 0 up to date, [0-9.]+ s");

        var second = alive("apply", SPEC.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).containsPattern("Apply complete: 0 ran, 13 up to date, [0-9.]+ s")
                .doesNotContain("✓");

        var status = alive("status", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        var site = new ObjectMapper().readTree(status.out()).get("sites").get(0);
        assertThat(site.get("domain").asText()).isEqualTo("hello.alive.test");

        var direct = Workspace.get(site.get("port").asInt(), "/", null);
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).contains("Hello from alive");

        var proxied = Workspace.get(caddyPort, "/", "hello.alive.test");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
        assertThat(Files.isDirectory(dir.resolve(".alive/sites/hello.alive.test/releases"))).isTrue();
    }

    private Workspace.Result alive(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(REPO.resolve("bin/alive").toString());
        command.addAll(List.of(args));
        return run(command);
    }

    private Workspace.Result run(List<String> command) throws Exception {
        var out = dir.resolve("stdout.txt");
        var err = dir.resolve("stderr.txt");
        var builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        var process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 5 minutes");
        }
        return new Workspace.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
