package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import dev.alive.tasks.Http;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example site on the local profile with a real Caddy and node: deploy, redeploy, destroy. */
@Tag("slow")
class DeployExampleTest {

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
    void servesThePageThroughCaddyAndDirectlyAndRedeploysAsANoOpWithTheSameProcess() {
        var site = host.site(TestHost.EXAMPLE_DOMAIN);

        var first = host.deploy(site).assertSucceeded();

        assertThat(first.ran(site)).containsExactlyInAnyOrder("dns", "account", "port", "user", "install",
                "release", "build", "env", "service", "activate", "health", "proxy", "register");
        var proxied = host.getThroughProxy(site, "/");
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.body()).contains("<h1>Hello from alive</h1>");
        var direct = host.getDirect(site, "/");
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(proxied.body());
        assertThat(host.port(site)).isBetween(host.host().ports().first(), host.host().ports().last());
        var pid = host.pid(site).orElseThrow();

        var second = host.apply(site).assertSucceeded();

        assertThat(second.unit(site).ran()).as("%s", second).isEmpty();
        assertThat(second.skipped(site)).hasSize(13);
        assertThat(host.pid(site)).contains(pid);
        assertThat(host.getThroughProxy(site, "/").body()).isEqualTo(proxied.body());
        assertThat(host.deployments().domain(site.domain()).orElseThrow().status()).isEqualTo("active");
        assertThat(second.unit(site).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void destroyLeavesNothingOfTheSiteButTheOwnersAccount() throws Exception {
        var site = host.site(TestHost.EXAMPLE_DOMAIN);
        host.deploy(site).assertSucceeded();
        var port = host.port(site);
        var pid = host.pid(site).orElseThrow();

        host.destroy(site);

        assertThat(HostScan.filesOf(host, site)).isEmpty();
        assertThat(HostScan.stateOf(host, site)).isEmpty();
        assertThat(HostScan.isLive(pid)).isFalse();
        assertThat(Http.listening(port)).isFalse();
        assertThat(host.servedThroughProxy(site)).isFalse();
        assertThat(host.deployments().stateStore().units()).doesNotContain(site.domain());
        assertThat(HostScan.ownerExists(host, site)).isTrue();
    }
}
