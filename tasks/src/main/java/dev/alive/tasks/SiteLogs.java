package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.tasks.system.CommandRunner;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What a site's app prints, as the host keeps it: the journal of its unit ({@code services:
 * systemd}, {@link JournaldSiteLogs}) or the log file alive's process service appends to
 * ({@code services: process}, {@link FileSiteLogs}).
 */
public interface SiteLogs {

    /**
     * What to read.
     *
     * @param lines at most the last this many lines (empty: every line in the window)
     * @param since only lines written this long ago or later (empty: from the start); needs
     *     timestamps, so only journald has it ({@link #supportsSince})
     * @param follow then go on with new lines as they are written
     */
    record Query(OptionalInt lines, Optional<Duration> since, boolean follow) {
        public Query {
            if (lines.isPresent() && lines.getAsInt() < 1) {
                throw new IllegalArgumentException("lines must be at least 1: " + lines.getAsInt());
            }
            if (since.isPresent() && (since.get().isNegative() || since.get().isZero())) {
                throw new IllegalArgumentException("since must be positive: " + since.get());
            }
        }
    }

    /** The logs of this host's sites, as its profile's {@code services} says. */
    static SiteLogs of(Host host, CommandRunner commands) {
        return host.services() == Host.Services.SYSTEMD ? new JournaldSiteLogs(commands) : new FileSiteLogs(host);
    }

    /** Whether the logs of the host's sites can be chosen by time ({@link Query#since}): journald's can, a file's not. */
    static boolean supportsSince(Host host) {
        return host.services() == Host.Services.SYSTEMD;
    }

    /** Where the site's logs are read from, for messages: a unit's journal, a file. */
    String source(String domain);

    /**
     * Passes the site's log lines to {@code sink}, oldest first; with {@link Query#follow}, then
     * each new line as it is written, until {@code sink} returns false or alive exits.
     */
    void read(String domain, Query query, Predicate<String> sink);
}
