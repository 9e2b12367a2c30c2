package dev.alive.cli.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An alive process started by {@link Alive}: its pid, its output so far, its end. */
final class Running {
    private final String args;
    private final Process process;
    private final Path out;
    private final Path err;

    Running(String args, Process process, Path out, Path err) {
        this.args = args;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    long pid() {
        return process.pid();
    }

    String out() {
        return read(out);
    }

    /** Waits until stdout holds {@code text}; fails when the process ends first or time runs out. */
    String awaitOutput(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var sofar = out();
            if (sofar.contains(text)) {
                return sofar;
            }
            if (!process.isAlive() && !out().contains(text)) {
                throw new AssertionError("alive " + args + " ended before printing '" + text + "': " + outcome());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("alive " + args + " did not print '" + text + "' within " + timeout
                        + "; so far:\n" + sofar);
            }
            pause(50);
        }
    }

    /** Waits for the end; a process still running after {@code timeout} is killed and the test fails. */
    Outcome await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("alive " + args + " still running after " + timeout + ", killed: " + outcome());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted waiting for alive " + args, e);
        }
        return outcome();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no finally block runs. */
    void killHard() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Outcome outcome() {
        return new Outcome(args, process.isAlive() ? -1 : process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** How an alive process ended. */
    record Outcome(String args, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "alive " + args + ": exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
