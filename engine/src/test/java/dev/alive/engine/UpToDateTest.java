package dev.alive.engine;

import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateTest {

    @TempDir
    Path temp;

    private Harness h;

    @BeforeEach
    void chain() {
        h = new Harness(temp.resolve("work"));
        h.fakes.unit("a").task("x").task("y").task("z").task("w");
        h.fakes.task("a/x").input("v", "1");
        h.fakes.task("a/y").reads("in", "x", "out");
        h.fakes.task("a/z").reads("in", "y", "out");
        h.fakes.task("a/w").input("v", "w");
    }

    @Test
    void runsEveryTaskTheFirstTimeBecauseNothingIsCommitted() {
        var result = h.apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(result.ran()).hasSize(4);
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("no committed state");
        assertThat(h.store.committedUnit("a")).hasSize(4);
    }

    @Test
    void skipsTaskWhoseInputsAreUnchanged() {
        h.apply();

        var second = h.apply();

        assertThat(second.ran()).isEmpty();
        assertThat(second.skipped()).hasSize(4);
        assertThat(h.fakes.log()).isEmpty();
        assertThat(h.listener.startsWith("skipped")).containsExactlyInAnyOrder("a/x", "a/y", "a/z", "a/w");
    }

    @Test
    void rerunsExactlyTheDependentsOfAChangedInput() {
        h.apply();
        h.fakes.task("a/x").input("v", "2");

        var second = h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/x", "a/y", "a/z");
        assertThat(second.skipped()).containsExactly(id("a/w"));
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("input 'v' changed");
        assertThat(h.listener.reasons.get(id("a/y"))).containsExactly("input 'in' changed");
        assertThat(h.fakes.task("a/z").inputsSeen).last().isEqualTo(java.util.Map.of("in", "a/y[a/x[2]]"));
    }

    @Test
    void anUpstreamThatRerunsWithIdenticalOutputsDoesNotRerunItsDependents() {
        h.fakes.task("a/x").output("out", "stable");
        h.apply();
        h.fakes.task("a/x").input("v", "2");

        h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/x");
    }

    @Test
    void driftReportedByTheTaskMakesItRerun() {
        h.apply();
        h.fakes.task("a/w").drifting("service is not running");

        h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/w");
        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("service is not running");
    }

    @Test
    void aTreeOutputChangedOutsideTheEngineIsDriftNamingThePath() throws Exception {
        var site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "hello");
        h.fakes.task("a/w").treeOutput("site", site);
        h.apply();
        Files.writeString(site.resolve("index.html"), "edited by hand");

        h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/w");
        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("output 'site' drifted: index.html");
    }

    @Test
    void aChangedTreeInputNamesTheFirstFewChangedPaths() throws Exception {
        var template = Files.createDirectories(temp.resolve("template"));
        for (var name : new String[] {"a.txt", "b.txt", "c.txt", "d.txt"}) {
            Files.writeString(template.resolve(name), name);
        }
        h.fakes.task("a/w").tree("template", template);
        h.apply();
        Files.writeString(template.resolve("b.txt"), "changed");
        Files.writeString(template.resolve("new.txt"), "new");
        Files.delete(template.resolve("a.txt"));
        Files.writeString(template.resolve("d.txt"), "changed too");

        h.apply();

        assertThat(h.listener.reasons.get(id("a/w")))
                .containsExactly("input 'template' changed: b.txt, d.txt, new.txt (+1 more)");
    }

    @Test
    void anAddedOrRemovedInputIsAReason() {
        h.apply();
        h.fakes.task("a/w").input("extra", "1").removeInput("v");

        h.apply();

        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("input 'extra' is new", "input 'v' was removed");
    }

    @Test
    void aForcedTaskRunsWithReasonForced() {
        h.apply();

        h.applyForcing("a/w");

        assertThat(h.fakes.logOf("run")).containsExactly("a/w");
        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("forced");
    }

    @Test
    void aTaskWhoseLastAttemptFailedRunsAgain() {
        h.apply();
        h.fakes.task("a/w").failing(true);
        assertThat(h.applyForcing("a/w").outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        h.fakes.task("a/w").failing(false);

        h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/w");
        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("last attempt failed");
    }

    @Test
    void aTaskWhoseLastAttemptWasUndoneRunsAgain() {
        h.apply();
        h.fakes.task("a/x").input("v", "2");
        h.fakes.task("a/y").failing(true);
        h.apply();
        h.fakes.task("a/y").failing(false);
        h.fakes.task("a/x").input("v", "1");

        h.apply();

        assertThat(h.fakes.logOf("run")).containsExactly("a/x", "a/y");
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("last attempt was undone");
        assertThat(h.listener.reasons.get(id("a/y"))).containsExactly("last attempt failed");
    }

    @Test
    void aTaskWhoseUndoFailedIsUndoneByTheNextRunThenRunsAgain() {
        h.apply();
        h.fakes.task("a/x").failingUndo(true);
        h.fakes.task("a/y").failing(true);
        assertThat(h.applyForcing("a/x", "a/y").outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        h.fakes.task("a/x").failingUndo(false);
        h.fakes.task("a/y").failing(false);

        h.apply();

        assertThat(h.fakes.logOf("undo")).contains("a/x");
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("last attempt was undone");
        assertThat(h.listener.reasons.get(id("a/y"))).containsExactly("last attempt failed");
    }

    @Test
    void aSuccessfulRunClearsTheLastAttempt() {
        h.apply();
        h.fakes.task("a/w").failing(true);
        h.applyForcing("a/w");
        h.fakes.task("a/w").failing(false);
        h.apply();

        h.apply();

        assertThat(h.fakes.log()).isEmpty();
    }

    @Test
    void aSecretInputIsStoredOnlyAsAKeyedDigest() {
        h.fakes.task("a/w").secret("password", "hunter2");
        h.apply();

        var state = h.store.committed(id("a/w")).orElseThrow();
        assertThat(state.inputFingerprints().get("password")).startsWith("hmac:").doesNotContain("hunter2");
        assertThat(state.toString()).doesNotContain("hunter2");
        assertThat(h.fakes.task("a/w").inputsSeen).last().extracting(m -> m.get("password")).isEqualTo("hunter2");

        h.fakes.task("a/w").secret("password", "correct horse");
        h.apply();
        assertThat(h.listener.reasons.get(id("a/w"))).containsExactly("input 'password' changed");
    }

    @Test
    void theStateOfATaskNoLongerInTheGraphIsDroppedAtCommit() {
        h.apply();
        h.fakes.remove("a/w");

        var result = h.apply();

        assertThat(result.summary()).isEqualTo("0 ran, 3 up to date, 1 removed");
        assertThat(h.store.committed(id("a/w"))).isEmpty();
        assertThat(h.fakes.log()).isEmpty();
    }

    @Test
    void aTaskReadingAnOutputItsUpstreamDoesNotProduceFailsNamingIt() {
        h.fakes.task("a/x").output("other", "1");
        h.fakes.task("a/y").failing(false);

        var result = h.apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(result.failure().orElseThrow().message()).isEqualTo("a/x has no output 'out' (it has: other)");
        assertThat(h.fakes.logOf("run")).doesNotContain("a/y");
        assertThat(h.fakes.logOf("undo")).containsExactlyInAnyOrderElementsOf(h.fakes.logOf("run")).contains("a/x");
    }

}
