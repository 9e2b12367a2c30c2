package dev.alive.cli.systemd;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How the tests get a {@link SystemdContainer}: booted, with its boot time printed, or, where this
 * machine cannot boot one, a skip whose message says exactly why (printed to stderr in capitals
 * too). Where the fixture is {@link SystemdContainer#required() required} (CI), that is a failure
 * instead: the tests never pass there without having run.
 */
final class Containers {
    static final Path LOGS = Path.of("target/nspawn").toAbsolutePath();

    private Containers() {
    }

    static SystemdContainer bootOrSkip(String purpose) throws IOException, InterruptedException {
        var reason = SystemdContainer.cannotBootBecause();
        if (reason.isPresent()) {
            var message = "SKIPPED: the systemd tests cannot boot a container here: " + reason.get();
            if (SystemdContainer.required()) {
                fail(message + " (and CI or ALIVE_REQUIRE_NSPAWN says they must run)");
            }
            System.err.println("*** " + message.toUpperCase(java.util.Locale.ROOT) + " ***");
            assumeTrue(false, message);
        }
        var container = SystemdContainer.boot(purpose, LOGS);
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
}
