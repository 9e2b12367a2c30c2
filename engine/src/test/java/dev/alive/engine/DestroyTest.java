package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestroyTest {

    @TempDir
    Path temp;

    private Harness h;

    @BeforeEach
    void applied() {
        h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y", dependsOn("x")).task("z", dependsOn("y"));
        h.fakes.unit("b").task("x");
        h.applyAll(ApplyOptions.defaults());
        h.fakes.clearLog();
    }

    @Test
    void destroysTheUnitsTasksInReverseTopologicalOrderAndDropsTheirState() {
        var result = (UnitResult.Finished) h.engine.destroy(h.fakes.graph(), "a", ApplyOptions.defaults(), h.listener);

        assertThat(h.fakes.log()).containsExactly("destroy a/z", "destroy a/y", "destroy a/x");
        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(result.kind()).isEqualTo(RunKind.DESTROY);
        assertThat(h.store.committedUnit("a")).isEmpty();
        assertThat(h.store.committedUnit("b")).containsOnlyKeys(id("b/x"));
        assertThat(h.store.lockHolder("a")).isEmpty();
    }

    @Test
    void aFailingDestroyStopsTheWalkAndCommitsNothing() {
        h.fakes.task("a/y").failingDestroy(true);

        var result = (UnitResult.Finished) h.engine.destroy(h.fakes.graph(), "a", ApplyOptions.defaults(), h.listener);

        assertThat(h.fakes.log()).containsExactly("destroy a/z", "destroy a/y");
        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(result.undo().leftBehind()).containsExactly(id("a/y"), id("a/x"));
        assertThat(result.failure().orElseThrow().message()).isEqualTo("destroy of a/y broke");
        assertThat(h.store.committedUnit("a")).hasSize(3);
    }

    @Test
    void aLockedUnitIsNotDestroyed() {
        h.store.tryLock("a", new LockOwner("test-host", ProcessHandle.current().pid(), "other", java.time.Instant.now()));

        var result = h.engine.destroy(h.fakes.graph(), "a", ApplyOptions.defaults(), h.listener);

        assertThat(result).isInstanceOf(UnitResult.Locked.class);
        assertThat(h.fakes.log()).isEmpty();
    }
}
