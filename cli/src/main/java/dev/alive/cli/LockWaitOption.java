package dev.alive.cli;

import dev.alive.engine.ApplyOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --lock-wait SECONDS}, shared by the commands that run a site. */
final class LockWaitOption {

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for a site locked by another run (default: refuse at once).")
    long lockWaitSeconds;

    ApplyOptions applyTo(ApplyOptions options) {
        return options.withLockWait(Duration.ofSeconds(lockWaitSeconds));
    }
}
