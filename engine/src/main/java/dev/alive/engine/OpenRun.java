package dev.alive.engine;

/**
 * A run the {@link RunLifecycle} has begun and holds the lock of: what its {@link RunBody} works with.
 * A body stops launching tasks once {@link HeldLock#isLost()}, and runs each task through
 * {@link HeldLock#interruptedOnLoss}.
 */
record OpenRun(TaskGraph graph, String unit, Journal journal, RunListener listener, HeldLock lock) {

    String runId() {
        return journal.runId();
    }
}
