package dev.alive.engine;

/** The pid of a process that has exited, for locks and runs whose holder died. */
final class DeadProcess {

    private DeadProcess() {
    }

    static long pid() throws Exception {
        var process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
