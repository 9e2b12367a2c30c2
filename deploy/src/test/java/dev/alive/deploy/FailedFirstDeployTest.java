package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.tasks.Http;
import dev.alive.tasks.OwnerPassword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first deploy that fails is undone without a trace. */
@Tag("slow")
class FailedFirstDeployTest {

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.local(dir);
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void appThatNeverListensIsUndoneWithoutATrace() throws IOException {
        var site = host.site("idle.alive.test", yaml -> yaml.replace("start: node server.js", "start: node idle.js")
                .replace("timeout: 30s", "timeout: 2s"));
        Files.writeString(site.template().resolve("idle.js"), "console.log('idling');\nsetInterval(() => {}, 1000);\n");

        var applied = host.deploy(site);

        var unit = applied.unit(site);
        assertThat(unit.outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(unit.failure().orElseThrow().task()).isEqualTo(TaskId.of(site.domain(), "health"));
        assertThat(unit.failure().orElseThrow().message()).contains("did not answer 2xx/3xx within 2 s", "idling");
        assertThat(unit.ran()).as("every task before health").hasSize(10);
        assertThat(unit.undo().undone()).hasSize(11).containsAll(unit.ran());
        assertThat(HostScan.filesOf(host, site)).isEmpty();
        assertThat(HostScan.stateOf(host, site)).isEmpty();
        assertThat(HostScan.ownerExists(host, site)).as("the owner this run created").isFalse();
        assertThat(host.pid(site)).isEmpty();
        assertThat(Http.listening(host.host().ports().first())).isFalse();
    }

    @Test
    void wrongPasswordForAnExistingOwnerStopsBeforeAnythingOfTheNewSiteIsWritten() {
        var first = host.site("first.alive.test");
        host.deploy(first).assertSucceeded();
        var second = host.site("second.alive.test");

        var applied = host.apply(OwnerPassword.of("not the password"), second);

        var unit = applied.unit(second);
        assertThat(unit.outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(unit.failure().orElseThrow().task()).isEqualTo(TaskId.of(second.domain(), "account"));
        assertThat(unit.failure().orElseThrow().message()).contains("wrong password for owner@example.com");
        assertThat(unit.ran()).extracting(TaskId::name).containsExactly("dns");
        assertThat(HostScan.filesOf(host, second, first)).isEmpty();
        assertThat(HostScan.stateOf(host, second)).isEmpty();
        assertThat(host.servedThroughProxy(first)).isTrue();
    }

    @Test
    void aPortAnotherProgramListensOnIsRefusedAndNothingIsLeft() throws IOException {
        var site = host.site("busy.alive.test");
        var first = host.host().ports().first();
        try (var squatter = new java.net.ServerSocket()) {
            squatter.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), first));

            var applied = host.deploy(site);

            var unit = applied.unit(site);
            assertThat(unit.outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
            assertThat(unit.failure().orElseThrow().task()).isEqualTo(TaskId.of(site.domain(), "port"));
            assertThat(unit.failure().orElseThrow().message())
                    .contains("port " + first + " is free in the state store but another program listens on it");
        }
        assertThat(HostScan.filesOf(host, site)).isEmpty();
        assertThat(HostScan.stateOf(host, site)).isEmpty();
    }

    @Test
    void aPortAConnectionHoldsAsItsLocalPortIsRefusedNamingTheEphemeralRange() throws IOException {
        var site = host.site("held.alive.test");
        var first = host.host().ports().first();
        var loopback = java.net.InetAddress.getLoopbackAddress();
        try (var server = new java.net.ServerSocket(0, 1, loopback); var client = new java.net.Socket()) {
            client.bind(new java.net.InetSocketAddress(loopback, first)); // as the kernel gives an outgoing connection
            client.connect(server.getLocalSocketAddress());
            try (var accepted = server.accept()) {
                var applied = host.deploy(site);

                var unit = applied.unit(site);
                assertThat(unit.outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
                assertThat(unit.failure().orElseThrow().message())
                        .contains("port " + first + " is free in the state store but a connection on this host uses it"
                                + " as its local port")
                        .contains("net.ipv4.ip_local_port_range");
            }
        }
        assertThat(HostScan.filesOf(host, site)).isEmpty();
        assertThat(HostScan.stateOf(host, site)).isEmpty();
    }
}
