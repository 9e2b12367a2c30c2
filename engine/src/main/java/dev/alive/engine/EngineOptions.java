package dev.alive.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link Engine} works on this machine.
 *
 * @param workDir where run-scoped backup directories live ({@code <workDir>/runs/<runId>/<task>}, 0700)
 * @param hostName written into lock owners; a lock held on this host by a dead pid is taken over
 * @param staleLockAfter a lock whose heartbeat is older than this is taken over, whatever its host
 * @param heartbeatInterval how often a running unit refreshes its lock's heartbeat
 * @param clock the time source (tests move it)
 * @param faults faults to inject (reliability tests); {@link FaultInjection#NONE} normally
 * @param leftovers stops what a dead run of this host left running, before recovery undoes it
 *     ({@link RunLeftovers#NONE} by default)
 */
public record EngineOptions(
        Path workDir, String hostName, Duration staleLockAfter, Duration heartbeatInterval, Clock clock,
        FaultInjection faults, RunLeftovers leftovers) {

    public EngineOptions {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(leftovers, "leftovers");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || staleLockAfter.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("staleLockAfter (" + staleLockAfter
                    + ") must be longer than a positive heartbeatInterval (" + heartbeatInterval + ")");
        }
    }

    /** Work dir {@code ~/.alive/work}, this machine's host name, stale after 2 minutes, heartbeat every 10 s. */
    public static EngineOptions defaults() {
        return new EngineOptions(Path.of(System.getProperty("user.home"), ".alive", "work"), HostName.current(),
                Duration.ofMinutes(2), Duration.ofSeconds(10), Clock.systemUTC(), FaultInjection.NONE,
                RunLeftovers.NONE);
    }

    public EngineOptions withWorkDir(Path dir) {
        return new EngineOptions(dir, hostName, staleLockAfter, heartbeatInterval, clock, faults, leftovers);
    }

    public EngineOptions withHostName(String name) {
        return new EngineOptions(workDir, name, staleLockAfter, heartbeatInterval, clock, faults, leftovers);
    }

    public EngineOptions withLockTiming(Duration staleAfter, Duration heartbeatEvery) {
        return new EngineOptions(workDir, hostName, staleAfter, heartbeatEvery, clock, faults, leftovers);
    }

    public EngineOptions withClock(Clock newClock) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, newClock, faults, leftovers);
    }

    public EngineOptions withFaults(FaultInjection newFaults) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, clock, newFaults, leftovers);
    }

    public EngineOptions withLeftovers(RunLeftovers stopper) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, clock, faults, stopper);
    }
}
