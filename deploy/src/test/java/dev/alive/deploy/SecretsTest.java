package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Env values taken from alive's environment ({@code ${NAME}}) reach the app and nothing else. */
@Tag("slow")
class SecretsTest {

    private static final String FIRST = "first-secret-" + UUID.randomUUID();
    private static final String SECOND = "second-secret-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.local(dir, Map.of("ALIVE_TEST_FIRST", FIRST, "ALIVE_TEST_SECOND", SECOND));
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void secretReachesTheAppOnlyAndARolledBackChangeLeavesNoCopyOfIt() throws IOException {
        var site = host.site(TestHost.EXAMPLE_DOMAIN, yaml -> withSecret(yaml, "ALIVE_TEST_FIRST"));
        var deployed = host.deploy(site).assertSucceeded();
        var pid = host.pid(site).orElseThrow();
        RedeployTest.edit(site.template().resolve("build.js"), "'use strict';",
                "'use strict';\nthrow new Error('broken on purpose');");
        var changed = host.site(TestHost.EXAMPLE_DOMAIN, yaml -> withSecret(yaml, "ALIVE_TEST_SECOND"));

        var failed = host.apply(changed);

        assertThat(failed.unit(changed).outcome()).as("%s", failed).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(failed.events().lines()).anyMatch(line -> line.startsWith(site.domain() + "/env finished"));
        assertThat(host.paths(site).envFile()).content().contains("API_KEY=" + FIRST).doesNotContain(SECOND);
        assertThat(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8)).contains("API_KEY=" + FIRST);
        assertThat(host.pid(site)).contains(pid);
        assertThat(RedeployTest.children(host.root().resolve("work/runs"))).as("backups of the run").isEmpty();
        assertThat(deployed.toString() + failed).doesNotContain(FIRST).doesNotContain(SECOND);
        assertThat(stateStoreFiles()).allSatisfy(file -> assertThat(new String(Files.readAllBytes(file),
                StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(FIRST).doesNotContain(SECOND));
    }

    private static String withSecret(String yaml, String variable) {
        return yaml.replace("    NODE_ENV: production", "    NODE_ENV: production\n    API_KEY: ${" + variable + "}");
    }

    private java.util.List<Path> stateStoreFiles() throws IOException {
        try (Stream<Path> files = Files.list(host.root())) {
            var found = files.filter(f -> f.getFileName().toString().startsWith("state.db")).toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }
}
