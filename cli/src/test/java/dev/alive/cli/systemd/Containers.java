package dev.alive.cli.systemd;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the tests get a {@link SystemdContainer}: booted, with its boot time printed, or, where this
 * machine cannot boot one, a skip whose message says exactly why (printed on Maven's console
 * too). Where the fixture is {@link SystemdContainer#required() required} (CI), that is a failure
 * instead: the tests never pass there without having run.
 */
final class Containers {
    static final Path LOGS = Path.of("target/nspawn").toAbsolutePath();
    /** The project's checkout (the tests run in cli/), visible read-only inside every container. */
    static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

    private Containers() {
    }

    static SystemdContainer bootOrSkip(String purpose) throws IOException, InterruptedException {
        var reason = SystemdContainer.cannotBootBecause();
        if (reason.isPresent()) {
            if (SystemdContainer.required()) {
                fail("the systemd tests must run here (CI or ALIVE_REQUIRE_NSPAWN is set), but cannot boot a"
                        + " container: " + reason.get());
            }
            var message = "SKIPPED: the systemd tests cannot boot a container here: " + reason.get();
            // to the JVM's own stderr too: surefire keeps System.err in a report file, this reaches the console
            var loud = "*** " + message + " ***";
            System.err.println(loud);
            var console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            console.println(loud);
            assumeTrue(false, message);
        }
        var container = SystemdContainer.boot(purpose, LOGS, List.of(CHECKOUT));
        System.out.printf("[nspawn] %s booted in %d ms (%s)%n", container.name(), container.bootTime().toMillis(),
                container.bootState());
        if (!container.failedUnits().isEmpty()) {
            System.out.println("[nspawn] degraded, failed units:\n  " + String.join("\n  ", container.failedUnits()));
        }
        return container;
    }

    static void stop(SystemdContainer container) {
        if (container != null) {
            container.close();
            System.out.printf("[nspawn] %s stopped in %d ms%n", container.name(), container.stopTime().toMillis());
        }
    }

    /** {@link #stop(SystemdContainer) Stops} a test class's container, then prints its boot and stop times and the class's. */
    static void stop(SystemdContainer container, Class<?> testClass, long classStarted) {
        stop(container);
        if (container != null) {
            System.out.printf("[nspawn] %s: boot %d ms, stop %d ms, class %d ms%n", testClass.getSimpleName(),
                    container.bootTime().toMillis(), container.stopTime().toMillis(),
                    Duration.ofNanos(System.nanoTime() - classStarted).toMillis());
        }
    }
}
