package dev.alive.engine;

/** A run the {@link RunLifecycle} has begun and holds the lock of: what its {@link RunBody} works with. */
record OpenRun(TaskGraph graph, String unit, Journal journal, RunListener listener) {

    String runId() {
        return journal.runId();
    }
}
