package dev.alive.engine;

import dev.alive.engine.secret.SecretRedaction;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How one apply (or destroy) runs.
 *
 * @param parallelism how many tasks run at once, over all units (up-to-date checks are not counted:
 *     each unit checks its own tasks)
 * @param failFast when a unit fails, stop (and roll back) the other units too
 * @param forced tasks that run even when up to date (reason "forced")
 * @param lockWait how long to wait for a unit's lock held by a live run; zero refuses at once
 * @param kind the kind {@link Engine#apply} records its runs as: APPLY, ROLLBACK for a graph
 *     that puts an earlier release back, or ADOPT for a graph whose tasks record what something
 *     else deployed ({@link Engine#destroy} always records DESTROY)
 * @param secrets the values the run's tasks may meet (a password, env values): hidden from every
 *     failure's text the run journals, summarizes, tells its listener and returns, its recovery of
 *     dead runs included ({@link SecretRedaction#NONE} by default). Output lines are the
 *     listener's to redact.
 */
public record ApplyOptions(int parallelism, boolean failFast, Set<TaskId> forced, Duration lockWait, RunKind kind,
        SecretRedaction secrets) {

    public ApplyOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        forced = Set.copyOf(forced);
        Objects.requireNonNull(lockWait, "lockWait");
        if (kind == RunKind.DESTROY) {
            throw new IllegalArgumentException("an apply runs as kind APPLY, ROLLBACK or ADOPT, not " + kind);
        }
        Objects.requireNonNull(secrets, "secrets");
    }

    /** As many tasks at once as there are processors; no fail-fast; nothing forced; no waiting for locks; APPLY; no secrets. */
    public static ApplyOptions defaults() {
        return new ApplyOptions(Runtime.getRuntime().availableProcessors(), false, Set.of(), Duration.ZERO,
                RunKind.APPLY, SecretRedaction.NONE);
    }

    public ApplyOptions withParallelism(int tasksAtOnce) {
        return new ApplyOptions(tasksAtOnce, failFast, forced, lockWait, kind, secrets);
    }

    public ApplyOptions withFailFast(boolean stopAll) {
        return new ApplyOptions(parallelism, stopAll, forced, lockWait, kind, secrets);
    }

    public ApplyOptions withForced(Set<TaskId> tasks) {
        return new ApplyOptions(parallelism, failFast, tasks, lockWait, kind, secrets);
    }

    public ApplyOptions withLockWait(Duration wait) {
        return new ApplyOptions(parallelism, failFast, forced, wait, kind, secrets);
    }

    /** Records the apply's runs as {@code runKind}: APPLY (the default), ROLLBACK or ADOPT. */
    public ApplyOptions withKind(RunKind runKind) {
        return new ApplyOptions(parallelism, failFast, forced, lockWait, runKind, secrets);
    }

    /** Hides {@code runSecrets} from the failures of the run (see {@link #secrets()}). */
    public ApplyOptions withSecrets(SecretRedaction runSecrets) {
        return new ApplyOptions(parallelism, failFast, forced, lockWait, kind, runSecrets);
    }
}
