package dev.alive.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import dev.alive.specs.Site;
import dev.alive.tasks.OwnerPassword;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task of a site made to fail (after it ran), in a first deploy and in a redeploy: the run is
 * rolled back and the world equals its snapshot from before the run. One host (and one Caddy) for
 * the class, with a neighbour site that must keep serving throughout.
 */
@Tag("slow")
class FaultInjectionTest {

    @TempDir
    static Path dir;

    private static ReliabilityHost host;
    private static Site neighbour;
    private static Site redeployed;
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final Set<String> LEFT_SOMETHING = new HashSet<>();

    @BeforeAll
    static void deployNeighbourAndSiteToRedeploy() {
        host = ReliabilityHost.create(dir, 4);
        neighbour = host.site("neighbour.alive.test");
        host.deploy(neighbour);
        redeployed = host.site("redeploy.alive.test");
        host.deploy(redeployed);
    }

    @AfterAll
    static void report() {
        System.out.printf("fault injection: %d fault points tried, %d left something behind %s%n", TRIED.get(),
                LEFT_SOMETHING.size(), LEFT_SOMETHING);
        host.close();
    }

    static List<String> tasks() {
        return ReliabilityHost.TASKS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void failedFirstDeployLeavesTheWorldAsItWas(String task) {
        var site = host.site("first-" + task + ".alive.test",
                yaml -> yaml.replace("owner@example.com", "first-" + task + "@example.com"));
        var before = host.world(neighbour, redeployed, site);

        var result = host.apply(ReliabilityHost.task(site, task).toString(), OwnerPassword.of(ReliabilityHost.PASSWORD),
                site);

        assertRolledBack(result, site, task);
        host.awaitServing(neighbour, redeployed);
        check("first deploy " + task, before.differences(host.world(neighbour, redeployed, site), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void failedRedeployLeavesTheWorldAsItWas(String task) {
        var before = host.world(neighbour, redeployed);
        ReliabilityHost.changeTemplate(redeployed, "fault at " + task);

        var result = host.apply(ReliabilityHost.task(redeployed, task).toString(), OwnerPassword.none(), redeployed,
                Set.copyOf(ReliabilityHost.TASKS));

        assertRolledBack(result, redeployed, task);
        host.awaitServing(neighbour, redeployed);
        boolean restarted = ReliabilityHost.TASKS.indexOf(task) >= ReliabilityHost.TASKS.indexOf("activate");
        check("redeploy " + task, before.differences(host.world(neighbour, redeployed), !restarted));
    }

    private static void assertRolledBack(dev.alive.engine.UnitResult.Finished result, Site site, String task) {
        TRIED.incrementAndGet();
        assertThat(result.outcome()).as("%s", result).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(result.failure().orElseThrow().task()).isEqualTo(ReliabilityHost.task(site, task));
        assertThat(result.failure().orElseThrow().message()).contains("fault injected");
    }

    private static void check(String point, List<String> differences) {
        if (!differences.isEmpty()) {
            LEFT_SOMETHING.add(point);
        }
        assertThat(differences).as("what %s left behind", point).isEmpty();
    }
}
