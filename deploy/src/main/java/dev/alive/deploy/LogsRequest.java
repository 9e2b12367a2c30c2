package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.specs.Durations;
import dev.alive.specs.Host;
import dev.alive.tasks.SiteLogs;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which of a site's app logs {@link HostOperations#logs} passes on: the last {@code lines} (1 or
 * more; without it and without {@code since}, the last {@link #DEFAULT_LINES}), those written in
 * the last {@code since} (journald only), then, with {@code follow}, new ones until the reader stops.
 */
public record LogsRequest(String domain, OptionalInt lines, Optional<Duration> since, boolean follow) {

    /** How many lines are shown when neither a count nor a time is given. */
    public static final int DEFAULT_LINES = 100;

    public LogsRequest {
        if (lines.isPresent() && lines.getAsInt() < 1) {
            throw new AliveException(ErrorCategory.USAGE, "--lines must be at least 1, not " + lines.getAsInt());
        }
        if (since.isPresent() && (since.get().isNegative() || since.get().isZero())) {
            throw new AliveException(ErrorCategory.USAGE, "--since must be a positive duration, not " + since.get());
        }
    }

    /** A {@code --since} value: {@code 10m}, {@code 1h30m}, {@code 45s}, {@code 500ms}. */
    public static Duration parseSince(String text) {
        return Durations.parse(text).filter(duration -> !duration.isZero()).orElseThrow(() -> new AliveException(
                ErrorCategory.USAGE, "--since takes a duration such as 10m, 1h30m, 45s or 500ms, not '" + text + "'"));
    }

    /**
     * Refuses what the host's logs cannot do, before anything is opened: {@code since} on a host
     * whose sites run as processes (their log file has no times).
     */
    public void checkFor(Host host) {
        if (since.isPresent() && !SiteLogs.supportsSince(host)) {
            throw new AliveException(ErrorCategory.USAGE, "--since needs a log with times, and host " + host.name()
                    + " runs its sites as processes (services: process), whose log file has none: use --lines N"
                    + " (the last N lines) instead");
        }
    }

    SiteLogs.Query query() {
        var count = lines.isPresent() || since.isPresent() ? lines : OptionalInt.of(DEFAULT_LINES);
        return new SiteLogs.Query(count, since, follow);
    }
}
