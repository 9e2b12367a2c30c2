package dev.alive.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a separate JVM by {@link CrashRecoveryTest}: applies {@link #graph} against a file-backed
 * store; task {@code a/second} writes an undo note, signals that it started, then hangs until the
 * test kills this process with SIGKILL.
 *
 * <p>Arguments: store file, work dir, marker file to create once {@code a/second} is running.
 */
public final class CrashingApplyMain {

    private CrashingApplyMain() {
    }

    public static void main(String[] args) throws Exception {
        var store = new FileBackedStateStore(Path.of(args[0]));
        var fakes = graph();
        var marker = Path.of(args[2]);
        fakes.task("a/second").onRun(context -> {
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
            Thread.sleep(60_000);
        });
        Engine.create(store, Harness.options(Path.of(args[1]))).apply(fakes.graph(), ApplyOptions.defaults(), RunListener.NONE);
        System.exit(2); // never reached when killed
    }

    /** The graph both processes build: a/first, then a/second; each writes one undo note. */
    static FakeGraph graph() {
        var fakes = new FakeGraph();
        fakes.unit("a").task("first").task("second", "first");
        fakes.task("a/first").notes(Map.of("created", "/srv/first"));
        fakes.task("a/second").notes(Map.of("release", "r1"));
        return fakes;
    }
}
