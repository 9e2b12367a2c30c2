package dev.alive.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunOutcome;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.tasks.host.LocalMachine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input only the rest of the system can refuse (the loader cannot know): a port another domain
 * holds, an exhausted range, an unreachable state store (a PATH without {@code caddy} or
 * {@code node}: {@link MissingToolsTest}). Each gets a clear message and leaves the root and the store as they were.
 */
@Tag("slow")
class HostileInputTest {

    @TempDir
    static Path dir;

    private static ReliabilityHost host;
    private static Site holder;

    @BeforeAll
    static void aOnePortRangeHeldByAnotherDomain() {
        host = ReliabilityHost.create(dir, 1);
        holder = host.site("holder.alive.test");
        host.deploy(holder);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void portTakenByAnotherDomainIsRefused() {
        int taken = host.host().ports().first();
        var site = host.site("taker.alive.test", yaml -> yaml.replace("port: auto", "port: " + taken));

        var result = refusedWithoutATrace(host, holder, site, host.environment());

        assertThat(result.failure().orElseThrow().task()).isEqualTo(ReliabilityHost.task(site, "port"));
        assertThat(result.failure().orElseThrow().message()).contains(Integer.toString(taken), "holder.alive.test");
    }

    @Test
    void exhaustedRangeIsRefused() {
        var site = host.site("crowded.alive.test");

        var result = refusedWithoutATrace(host, holder, site, host.environment());

        assertThat(result.failure().orElseThrow().message()).contains("no free port", host.host().ports().toString());
    }

    @Test
    void unreachableStateStoreIsRefusedBeforeAnythingHappens() {
        var before = host.world(holder);
        var h = host.host();
        var unreachable = new Host(h.name(), h.root(), "postgresql://postgres@127.0.0.1:1/test", h.sites(), h.envDir(),
                h.ports(), h.serverIp(), h.wildcardDomain(), h.users(), h.services(), h.proxy(), h.keepReleases());

        assertThatThrownBy(() -> HostOperations.open(unreachable, host.environment(),
                LocalMachine.of(unreachable)))
                .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("password");
        assertThat(before.differences(host.world(holder), true)).isEmpty();
    }

    /** Applies (first deploy) with the given environment; it must roll back and leave the world as it was. */
    static UnitResult.Finished refusedWithoutATrace(ReliabilityHost host, Site holder, Site site, Map<String, String> overrides) {
        var before = host.world(holder, site);
        var env = new HashMap<>(host.environment());
        env.putAll(overrides);
        UnitResult.Finished result;
        try (var deployments = HostOperations.open(host.host(), env, LocalMachine.of(host.host()))) {
            result = deployments.apply(new ApplyRequest(List.of(site),
                    PasswordSource.given(ReliabilityHost.PASSWORD), ApplyOptions.defaults()),
                    new ReliabilityHost.Events()).unit(site.domain())
                    .map(UnitResult.Finished.class::cast).orElseThrow();
        }
        System.out.println("refused " + site.domain() + ": " + result.failure().map(Object::toString).orElse("-"));
        assertThat(result.outcome()).as("%s", result).isEqualTo(RunOutcome.ROLLED_BACK);
        if (before.served().getOrDefault(holder.domain(), "").startsWith("200")) {
            host.awaitServing(holder);
        }
        assertThat(before.differences(host.world(holder, site), true)).isEmpty();
        return result;
    }
}
