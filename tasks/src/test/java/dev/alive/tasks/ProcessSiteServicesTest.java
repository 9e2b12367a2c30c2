package dev.alive.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.specs.HostProfiles;
import dev.alive.specs.Site;
import dev.alive.tasks.host.LocalMachine;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local profile's services: a detached node process started from the definition file. */
class ProcessSiteServicesTest {

    @TempDir
    Path dir;

    private SiteContext setup;
    private final ProcessSiteServices services = new ProcessSiteServices(Duration.ofSeconds(5));

    @BeforeEach
    void site() throws Exception {
        var environment = Map.of("PATH", System.getenv("PATH"));
        var host = HostProfiles.local(dir, environment);
        var site = site("node -e 'setInterval(() => {}, 1000)'");
        setup = new SiteContext(site, host, SitePaths.of(site, host), LocalMachine.of(host), environment);
        Files.createDirectories(setup.paths().envFile().getParent());
        Files.writeString(setup.paths().envFile(), "DOMAIN=idle.alive.test\nPORT=3333\n");
        Files.createDirectories(setup.paths().release("r1"));
        Files.createDirectories(setup.paths().siteDir());
        Files.createSymbolicLink(setup.paths().currentLink(), Path.of("releases/r1"));
    }

    @AfterEach
    void stop() {
        services.stop(setup);
    }

    private Site site(String start) {
        return new Site(dir.resolve("site.yaml"), "idle.alive.test", new Site.Owner("owner@example.com", "Example"),
                dir.resolve("template"), new Site.App(".", Optional.empty(), Optional.empty(), start, Map.of()),
                new Site.Health("/", Duration.ofSeconds(2)), new Site.Port.Auto());
    }

    @Test
    void aSiteContextNeverPrintsAlivesEnvironment() {
        var secret = "pw-" + System.nanoTime();
        var context = new SiteContext(setup.spec(), setup.host(), setup.paths(), setup.machine(),
                Map.of("ALIVE_OWNER_PASSWORD", secret, "PGPASSWORD", secret));

        assertThat(context.toString()).contains("idle.alive.test").contains("2 variables").doesNotContain(secret);
    }

    @Test
    void startsWhatTheDefinitionFileSaysNotWhatTheSpecSaysNow() throws Exception {
        services.install(setup, Optional.empty());
        var changedSpec = new SiteContext(site("node -e 'process.exit(3)'"), setup.host(), setup.paths(), setup.machine(),
                setup.environment());

        services.restart(changedSpec, Optional.empty());

        var pid = services.instance(setup).orElseThrow();
        var commandLine = Files.readString(Path.of("/proc", pid.replace("pid ", ""), "cmdline")).replace('\0', ' ');
        assertThat(commandLine).contains("setInterval");
        assertThat(Files.readString(Path.of("/proc", pid.replace("pid ", ""), "environ"))).contains("PORT=3333");
    }

    @Test
    void rotatesALargeLogAtARestartAndPurgesBothGenerations() throws Exception {
        services.install(setup, Optional.empty());
        var log = setup.paths().serviceDir().resolve("idle-alive-test.log");
        try (var file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(ProcessSiteServices.LOG_LIMIT + 1);
        }

        services.restart(setup, Optional.empty());

        var previous = setup.paths().serviceDir().resolve("idle-alive-test.log.1");
        assertThat(Files.size(previous)).isEqualTo(ProcessSiteServices.LOG_LIMIT + 1);
        assertThat(Files.size(log)).isLessThan(1024);
        services.stop(setup);
        services.purge(setup);
        assertThat(previous).doesNotExist();
        assertThat(log).doesNotExist();
    }
}
