package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.secret.SecretRedaction;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's secrets ({@link ApplyOptions#secrets()}) are in no failure text the engine journals, summarizes, tells or returns. */
class RunSecretsHiddenTest {

    private static final String SECRET = "s3cr3t-Value-42";

    @TempDir
    Path temp;

    private Harness h;
    private final ErrorsSeen seen = new ErrorsSeen();

    @BeforeEach
    void setUp() {
        h = new Harness(temp.resolve("work"));
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
    }

    @Test
    void aFailureThatPrintsASecretIsJournaledSummarizedToldAndReturnedWithTheSecretHidden() {
        h.fakes.task("a/y").onRun(context -> {
            throw new AliveException(ErrorCategory.INVALID_INPUT, "build: exited 1\nTOKEN=" + SECRET + "\nbye",
                    new IllegalStateException("caused by " + SECRET));
        });

        var result = apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        var failure = result.failure().orElseThrow();
        assertThat(failure.message()).isEqualTo("build: exited 1\nTOKEN=***\nbye");
        assertThat(textOf(failure.error())).doesNotContain(SECRET).contains("caused by ***");
        assertThat(failure.error()).isInstanceOf(AliveException.class);
        assertThat(((AliveException) failure.error()).category()).isEqualTo(ErrorCategory.INVALID_INPUT);
        assertHiddenEverywhere(result);
        assertThat(h.store.journal(result.runId())).filteredOn(e -> e.kind() == JournalEntry.Kind.FAILED)
                .singleElement().extracting(JournalEntry::detail).isEqualTo("build: exited 1\nTOKEN=***\nbye");
    }

    @Test
    void anUndoThatFailsWithASecretIsJournaledAndReportedWithTheSecretHidden() {
        h.fakes.task("a/x").onUndo(context -> {
            throw new IllegalStateException("could not restore: password " + SECRET);
        });
        h.fakes.task("a/y").failing(true);

        var result = apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(result.undo().problems()).containsExactly("a/x (its undo failed: could not restore: password ***)");
        assertHiddenEverywhere(result);
    }

    @Test
    void theRecoveryOfAnIncompleteRollbackHidesTheSecretsOfTheRunThatRecoversIt() {
        h.fakes.task("a/x").onUndo(context -> {
            throw new IllegalStateException("still failing with " + SECRET);
        });
        h.fakes.task("a/y").failing(true);
        var first = apply();
        h.fakes.task("a/y").failing(false);

        var next = apply();

        assertThat(next.recovered()).singleElement().satisfies(recovered -> {
            assertThat(recovered.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
            assertThat(recovered.summary()).contains("still failing with ***").doesNotContain(SECRET);
            assertThat(recovered.undo().problems()).allSatisfy(p -> assertThat(p).doesNotContain(SECRET));
        });
        assertThat(h.store.run(first.runId()).orElseThrow().summary()).doesNotContain(SECRET).contains("***");
        assertHiddenEverywhere(first);
        assertHiddenEverywhere(next);
    }

    @Test
    void withoutSecretsTheTasksOwnErrorIsPassedOnAsItIs() {
        var thrown = new IllegalStateException("plain failure " + SECRET);
        h.fakes.task("a/y").onRun(context -> {
            throw thrown;
        });

        var result = (UnitResult.Finished) h.engine.apply(h.fakes.graph(), ApplyOptions.defaults(), seen).units().get(0);

        assertThat(result.failure().orElseThrow().error()).isSameAs(thrown);
        assertThat(result.failure().orElseThrow().message()).isEqualTo("plain failure " + SECRET);
        assertThat(seen.errors).containsExactly(thrown);
    }

    private UnitResult.Finished apply() {
        var options = ApplyOptions.defaults().withSecrets(SecretRedaction.of(List.of(SECRET)));
        return (UnitResult.Finished) h.engine.apply(h.fakes.graph(), options, seen).units().get(0);
    }

    /** Not in the journal, the run's record, the listener's errors and summaries, nor the result. */
    private void assertHiddenEverywhere(UnitResult.Finished result) {
        assertThat(h.store.journal(result.runId())).allSatisfy(entry ->
                assertThat(String.valueOf(entry.detail())).doesNotContain(SECRET));
        assertThat(h.store.run(result.runId()).orElseThrow().summary()).doesNotContain(SECRET);
        assertThat(result.summary()).doesNotContain(SECRET);
        assertThat(result.toString()).doesNotContain(SECRET);
        result.failure().ifPresent(f -> assertThat(textOf(f.error())).doesNotContain(SECRET));
        assertThat(seen.errors).isNotEmpty().allSatisfy(e -> assertThat(textOf(e)).doesNotContain(SECRET));
        assertThat(seen.summaries).allSatisfy(s -> assertThat(s).doesNotContain(SECRET));
    }

    private static String textOf(Throwable error) {
        var text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Keeps every error and summary it is told. */
    private static final class ErrorsSeen implements RunListener {
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final List<String> summaries = new CopyOnWriteArrayList<>();

        @Override
        public void taskFailed(TaskId task, Duration elapsed, Throwable error) {
            errors.add(error);
        }

        @Override
        public void undoFailed(TaskId task, Throwable error) {
            errors.add(error);
        }

        @Override
        public void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
            summaries.add(summary);
        }
    }
}
