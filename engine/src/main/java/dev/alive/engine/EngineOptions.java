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
 * @param keepRuns runs of a unit kept in the store; older finished ones are pruned after a commit
 *     (see {@link dev.alive.engine.store.StateStore#pruneRuns})
 */
public record EngineOptions(
        Path workDir, String hostName, Duration staleLockAfter, Duration heartbeatInterval, Clock clock,
        FaultInjection faults, RunLeftovers leftovers, int keepRuns) {

    /** The default of {@link #keepRuns}. */
    public static final int DEFAULT_KEEP_RUNS = 50;

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
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keepRuns must be at least 1, got " + keepRuns);
        }
    }

    /**
     * Work dir {@code ~/.alive/work}, this machine's host name, stale after 2 minutes, heartbeat every
     * 10 s, {@value #DEFAULT_KEEP_RUNS} runs kept per unit.
     */
    public static EngineOptions defaults() {
        return new EngineOptions(Path.of(System.getProperty("user.home"), ".alive", "work"), HostName.current(),
                Duration.ofMinutes(2), Duration.ofSeconds(10), Clock.systemUTC(), FaultInjection.NONE,
                RunLeftovers.NONE, DEFAULT_KEEP_RUNS);
    }

    public EngineOptions withWorkDir(Path dir) {
        return new EngineOptions(dir, hostName, staleLockAfter, heartbeatInterval, clock, faults, leftovers, keepRuns);
    }

    public EngineOptions withHostName(String name) {
        return new EngineOptions(workDir, name, staleLockAfter, heartbeatInterval, clock, faults, leftovers, keepRuns);
    }

    public EngineOptions withLockTiming(Duration staleAfter, Duration heartbeatEvery) {
        return new EngineOptions(workDir, hostName, staleAfter, heartbeatEvery, clock, faults, leftovers, keepRuns);
    }

    public EngineOptions withClock(Clock newClock) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, newClock, faults, leftovers, keepRuns);
    }

    public EngineOptions withFaults(FaultInjection newFaults) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, clock, newFaults, leftovers, keepRuns);
    }

    public EngineOptions withLeftovers(RunLeftovers stopper) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, clock, faults, stopper, keepRuns);
    }

    public EngineOptions withKeepRuns(int runs) {
        return new EngineOptions(workDir, hostName, staleLockAfter, heartbeatInterval, clock, faults, leftovers, runs);
    }
}
