package dev.alive.engine;

/** The engine's steps, made once per {@link Engine} and shared by its runs. */
record EngineParts(
        StateStore store,
        EngineOptions options,
        UpToDateCheck check,
        TaskStep step,
        BackupDirs backups,
        UnitLocks locks,
        UndoWalk undoWalk,
        Recovery recovery) {

    static EngineParts create(StateStore store, EngineOptions options) {
        var check = new UpToDateCheck(store);
        var backups = new BackupDirs(options.workDir());
        var undoWalk = new UndoWalk(store, backups, options.faults());
        return new EngineParts(store, options, check,
                new TaskStep(check, new OutputRecorder(store, options.clock()), backups, options.faults()),
                backups, new UnitLocks(store, options), undoWalk,
                new Recovery(store, undoWalk, backups, options.clock()));
    }

    RunRecord newRun(String runId, String unit, String kind) {
        return new RunRecord(runId, unit, kind, options.hostName(), ProcessHandle.current().pid(),
                options.clock().instant(), null, RunOutcome.RUNNING, null);
    }
}
