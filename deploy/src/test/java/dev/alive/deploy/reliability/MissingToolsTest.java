package dev.alive.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import dev.alive.engine.ApplyOptions;
import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.tasks.host.LocalMachine;
import java.util.List;
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
    void pathWithoutNodeIsRefusedBeforeAnythingChanges() throws IOException {
        var bin = Files.createDirectories(dir.resolve("bin-without-node"));
        link(bin, "caddy", "/usr/bin/caddy");
        link(bin, "npm", "/usr/bin/npm");
        var site = host.site("nonode.alive.test");
        var before = host.world(holder, site);
        var env = new java.util.HashMap<>(host.environment());
        env.put("PATH", bin.toString());

        try (var deployments = HostOperations.open(host.host(), env, LocalMachine.of(host.host()))) {
            assertThatThrownBy(() -> deployments.apply(new ApplyRequest(List.of(site),
                    PasswordSource.given(ReliabilityHost.PASSWORD), ApplyOptions.defaults()),
                    new ReliabilityHost.Events()))
                    .hasMessageContaining("node (the start command of nonode.alive.test) is not on PATH " + bin);
        }
        assertThat(before.differences(host.world(holder, site), true)).isEmpty();
    }

    // a missing caddy cannot be simulated here (it is one of alive's own tools, looked up in the
    // system PATH, and installed on this machine): PreflightTest covers it with an injected path

    private static void link(Path bin, String name, String target) throws IOException {
        if (!Files.exists(bin.resolve(name))) {
            Files.createSymbolicLink(bin.resolve(name), Path.of(target));
        }
    }

}
