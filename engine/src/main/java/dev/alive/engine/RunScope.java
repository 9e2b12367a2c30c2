package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.Set;

/** What every task step of one unit's run shares. */
record RunScope(Journal journal, UpstreamOutputs upstream, Set<TaskId> forced, CommittedStates committed,
        LastAttempts lastAttempts, RunListener listener, TreeSnapshots trees, Failures failures) {
}
