package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static final Path SPEC = Workspace.EXAMPLE.resolve("site.yaml");

    @TempDir
    Path dir;

    BinAlive shell;

    @BeforeEach
    void hostWithFreePorts() throws IOException {
        shell = new BinAlive(dir);
    }

    @AfterEach
    void destroyAndStopCaddy() throws Exception {
        shell.alive("destroy", SPEC.toString());
        shell.stopCaddy();
    }

    @Test
    void exampleDeploysThenRedeploysAsANoOpAndServesItsPage() throws Exception {
        shell.env.put("ALIVE_OWNER_PASSWORD", "example owner password");
        var first = shell.alive("apply", SPEC.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("Apply complete: 13 ran, 0 up to date, [0-9.]+ s");

        var second = shell.alive("apply", SPEC.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).containsPattern("Apply complete: 0 ran, 13 up to date, [0-9.]+ s")
                .doesNotContain("✓");

        var status = shell.alive("status", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        var site = new ObjectMapper().readTree(status.out()).get("sites").get(0);
        assertThat(site.get("domain").asText()).isEqualTo("hello.alive.test");

        var direct = Workspace.get(site.get("port").asInt(), "/", null);
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).contains("Hello from alive");

        var proxied = Workspace.get(shell.caddyPort, "/", "hello.alive.test");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
        assertThat(Files.isDirectory(shell.sites().resolve("hello.alive.test/releases"))).isTrue();
    }
}
