package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunKindTest {

    @TempDir
    Path temp;

    @Test
    void anApplyIsRecordedAsApplyUnlessToldItIsARollback() {
        var h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));

        var apply = h.apply();
        var rollback = h.applyForcing("a/y");
        var asRollback = h.apply(ApplyOptions.defaults().withKind(RunKind.ROLLBACK));

        assertThat(apply.kind()).isEqualTo(RunKind.APPLY);
        assertThat(rollback.kind()).isEqualTo(RunKind.APPLY);
        assertThat(asRollback.kind()).isEqualTo(RunKind.ROLLBACK);
        assertThat(asRollback.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(h.store.run(asRollback.runId()).orElseThrow().kind()).isEqualTo(RunKind.ROLLBACK);
    }

    @Test
    void aRollbackRunStartsFromWhatASuccessfulUndoRestoredWhileAnApplyStillRerunsIt() {
        var h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y").task("z");
        h.fakes.task("a/x").input("v", "1");
        h.fakes.task("a/y").reads("in", "x", "out");
        h.fakes.task("a/z").reads("in", "y", "out");
        h.apply();
        h.fakes.task("a/x").input("v", "2");
        h.fakes.task("a/y").failing(true);
        assertThat(h.apply().outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        h.fakes.task("a/x").input("v", "1");
        h.fakes.task("a/y").failing(false);

        var rollback = h.apply(ApplyOptions.defaults().withKind(RunKind.ROLLBACK).withForced(Set.of(id("a/z"))));

        assertThat(rollback.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(h.fakes.logOf("run")).as("x was undone, y failed and was undone: both as committed")
                .containsExactly("a/z");
        assertThat(h.engine.plan(h.fakes.graph()).task(id("a/x")).orElseThrow().reasons()).isEmpty();
    }

    @Test
    void anApplyAfterAFailedRunStillRerunsTheUndoneTasks() {
        var h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y");
        h.fakes.task("a/x").input("v", "1");
        h.fakes.task("a/y").reads("in", "x", "out");
        h.apply();
        h.fakes.task("a/x").input("v", "2");
        h.fakes.task("a/y").failing(true);
        h.apply();
        h.fakes.task("a/x").input("v", "1");
        h.fakes.task("a/y").failing(false);

        h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/x", "a/y");
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("last attempt was undone");
        assertThat(h.listener.reasons.get(id("a/y"))).containsExactly("last attempt failed");
    }

    @Test
    void aRollbackRunStillRunsATaskAnEarlierRunLeftChanged() {
        var h = new Harness(temp);
        h.fakes.unit("a").task("w").task("x", dependsOn("w")).task("y", dependsOn("x"));
        h.apply();
        h.fakes.task("a/w").failingUndo(true);
        h.fakes.task("a/x").failing(true).failingUndo(true);
        assertThat(h.applyForcing("a/w", "a/x").outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        h.fakes.task("a/x").failing(false);

        var rollback = h.apply(ApplyOptions.defaults().withKind(RunKind.ROLLBACK).withForced(Set.of(id("a/y"))));

        assertThat(rollback.recovered()).as("recovery tried the failed undos again, and they failed again")
                .singleElement().satisfies(run -> assertThat(run.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE));
        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("last attempt could not be undone");
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("last attempt failed and could not be undone");
    }

    @Test
    void aStoredLabelReadsBackAndOneWithoutAKnownKindReadsAsAnApply() {
        for (var kind : RunKind.values()) {
            assertThat(RunKind.ofLabel(kind.label())).isEqualTo(kind);
        }
        assertThat(RunKind.ofLabel(null)).isEqualTo(RunKind.APPLY);
        assertThat(RunKind.ofLabel("migrate")).isEqualTo(RunKind.APPLY);
    }

    @Test
    void anApplyCannotRunAsADestroyButAsAnAdoption() {
        assertThatThrownBy(() -> ApplyOptions.defaults().withKind(RunKind.DESTROY))
                .hasMessage("an apply runs as kind APPLY, ROLLBACK or ADOPT, not DESTROY");
        assertThat(ApplyOptions.defaults().withKind(RunKind.ADOPT).kind()).isEqualTo(RunKind.ADOPT);
    }

    @Test
    void aDestroyWhoseCommitFailsEndsIncompleteLikeAnyDestroyThatCannotCommit() {
        var memory = new InMemoryStateStore();
        var h = new Harness(memory, Harness.options(temp));
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
        h.apply();
        var broken = new ForwardingStateStore(memory) {
            @Override
            public void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary,
                    LockOwner lock) {
                throw new IllegalStateException("disk full");
            }
        };

        var result = (UnitResult.Finished) Engine.create(broken, Harness.options(temp))
                .destroy(h.fakes.graph(), "a", ApplyOptions.defaults(), RunListener.NONE);

        assertThat(result.kind()).isEqualTo(RunKind.DESTROY);
        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(result.summary()).isEqualTo("commit failed: disk full; destroy is not undone, nothing was committed; "
                + "nothing to undo");
        assertThat(memory.committedUnit("a")).hasSize(2);
        assertThat(memory.run(result.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(memory.lockHolder("a")).isEmpty();
    }
}
