package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.RunListener;
import dev.alive.engine.secret.SecretRedaction;
import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLogRecorderTest {

    private static final String UNIT = "hello.alive.test";
    private static final TaskId BUILD = TaskId.of(UNIT, "build");

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<String> passedOn = new ArrayList<>();
    private final RunListener next = new RunListener() {
        @Override
        public void taskOutput(TaskId task, String line) {
            passedOn.add(line);
        }
    };
    private final RunLogRecorder recorder = new RunLogRecorder(store, SecretRedaction.of(List.of("hunter2")), next);

    private String begin(String runId) {
        store.beginRun(new RunRecord(runId, UNIT, RunKind.APPLY, "h", 1, Instant.now(), null, RunOutcome.RUNNING, null));
        return runId;
    }

    @Test
    void keepsEachLineWithItsRunWithTheSecretsHiddenOnceTheTaskEnds() {
        var run = begin("run-1");
        recorder.runStarted(UNIT, run);

        recorder.taskOutput(BUILD, "password is hunter2");
        assertThat(store.runLog(run).lines()).as("written when the task ends, not per line").isEmpty();
        recorder.taskFinished(BUILD, Duration.ofSeconds(1));

        assertThat(store.runLog(run).lines()).containsExactly(new RunLog.Line(BUILD, "password is ***"));
        assertThat(passedOn).containsExactly("password is ***");
    }

    @Test
    void writesALongOutputInBatchesAndTheRestWhenTheRunEnds() {
        var run = begin("run-2");
        recorder.runStarted(UNIT, run);
        for (int i = 0; i < RunLogRecorder.BATCH * 2 + 200; i++) {
            recorder.taskOutput(BUILD, "line " + i);
        }

        assertThat(store.runLog(run).lines()).hasSize(RunLogRecorder.BATCH * 2);
        recorder.runFinished(UNIT, run, RunOutcome.SUCCEEDED, "done");
        assertThat(store.runLog(run).lines()).hasSize(RunLogRecorder.BATCH * 2 + 200);
    }

    @Test
    void keepsTheOutputOfARecoveryWithTheDeadRun() {
        var dead = begin("run-dead");
        var fresh = begin("run-fresh");

        recorder.recoveryStarted(UNIT, dead);
        recorder.taskOutput(BUILD, "undoing");
        recorder.taskUndone(BUILD);
        recorder.runFinished(UNIT, dead, RunOutcome.RECOVERED, "recovered");
        recorder.runStarted(UNIT, fresh);
        recorder.taskOutput(BUILD, "building");
        recorder.runFinished(UNIT, fresh, RunOutcome.SUCCEEDED, "done");

        assertThat(store.runLog(dead).lines()).extracting(RunLog.Line::text).containsExactly("undoing");
        assertThat(store.runLog(fresh).lines()).extracting(RunLog.Line::text).containsExactly("building");
    }

    @Test
    void aFailedWriteDoesNotStopTheRunAndTheNextWriteCountsWhatWasLost() {
        recorder.runStarted(UNIT, "run-3");
        recorder.taskOutput(BUILD, "lost");
        recorder.taskFinished(BUILD, Duration.ZERO); // the store does not know run-3 yet: the write fails
        begin("run-3");
        recorder.taskOutput(BUILD, "kept");
        recorder.runFinished(UNIT, "run-3", RunOutcome.SUCCEEDED, "done");

        assertThat(passedOn).containsExactly("lost", "kept");
        assertThat(store.runLog("run-3").lines()).extracting(RunLog.Line::text)
                .containsExactly("[alive: 1 earlier output lines could not be stored]", "kept");
    }
}
