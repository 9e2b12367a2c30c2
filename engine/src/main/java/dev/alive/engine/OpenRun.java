package dev.alive.engine;

/**
 * A run the {@link RunLifecycle} has begun and holds the lock of: what its {@link RunBody} works with.
 * A body stops launching tasks once {@link HeldLock#isLost()}, and runs each task through
 * {@link HeldLock#interruptedOnLoss}. Its failures become text through {@code failures} (the run's secrets hidden).
 */
record OpenRun(TaskGraph graph, String unit, Journal journal, RunListener listener, HeldLock lock, Failures failures) {

    String runId() {
        return journal.runId();
    }
}
