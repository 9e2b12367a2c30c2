package dev.alive.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.tasks.OwnerPassword;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A first deploy fails at its last task while the undo of one task fails too: the run ends
 * "rollback incomplete" naming that task, every other task is undone, and the next apply (no
 * faults) redoes what was left and ends in a deploy equal to a clean one.
 */
@Tag("slow")
class UndoFaultTest {

    @TempDir
    static Path dir;

    private static ReliabilityHost host;
    private static SiteView clean;
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final List<String> LEFT_SOMETHING = new ArrayList<>();

    @BeforeAll
    static void deployACleanSiteToCompareWith() {
        host = ReliabilityHost.create(dir, 4);
        var reference = host.site("clean.alive.test");
        host.deploy(reference);
        clean = SiteView.of(host, reference);
    }

    @AfterAll
    static void report() {
        System.out.printf("undo faults: %d undo-fault points tried, %d left something behind %s%n", TRIED.get(),
                LEFT_SOMETHING.size(), LEFT_SOMETHING);
        host.close();
    }

    static List<String> tasks() {
        return ReliabilityHost.TASKS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void failedUndoIsReportedAndTheNextApplyEndsInACleanDeploy(String task) {
        TRIED.incrementAndGet();
        var site = host.site("undo-" + task + ".alive.test");
        var failing = ReliabilityHost.task(site, "register");
        var stuck = ReliabilityHost.task(site, task);

        try {
            failThenRecover(site, failing, stuck, task);
        } finally {
            host.destroy(site);
        }
    }

    private static void failThenRecover(dev.alive.specs.Site site, TaskId failing, TaskId stuck, String task) {
        var failed = host.apply(failing + ",undo:" + stuck, OwnerPassword.of(ReliabilityHost.PASSWORD), site);

        assertThat(failed.outcome()).as("%s", failed).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(failed.undo().leftBehind()).containsExactly(stuck);
        assertThat(failed.summary()).contains(stuck.toString());
        var others = new ArrayList<TaskId>(failed.ran());
        others.add(failing);
        others.remove(stuck);
        assertThat(failed.undo().undone()).containsExactlyInAnyOrderElementsOf(others.stream().distinct().toList());

        var next = host.apply("", OwnerPassword.of(ReliabilityHost.PASSWORD), site);

        assertThat(next.outcome()).as("%s", next).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(next.ran()).contains(stuck);
        host.awaitServing(site);
        var view = SiteView.of(host, site);
        if (!view.equals(clean)) {
            LEFT_SOMETHING.add(task);
        }
        assertThat(view).isEqualTo(clean);
    }

}
