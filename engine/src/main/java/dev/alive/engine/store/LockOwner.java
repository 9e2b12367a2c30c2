package dev.alive.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a unit's lock: enough for an operator (and the engine) to tell whether it is alive.
 *
 * @param generation the lock's fencing token: the store gives a unit's lock a higher generation
 *     each time it is taken or taken over (0 = not given yet, an owner asking for the lock); every
 *     commit and run finish names the owner it holds, and fails when the lock's generation moved on
 */
public record LockOwner(String host, long pid, String runId, Instant heartbeat, long generation) {
    public LockOwner {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /** An owner asking for a lock: the store gives it its generation. */
    public LockOwner(String host, long pid, String runId, Instant heartbeat) {
        this(host, pid, runId, heartbeat, 0);
    }

    public LockOwner withHeartbeat(Instant at) {
        return new LockOwner(host, pid, runId, at, generation);
    }

    public LockOwner withGeneration(long given) {
        return new LockOwner(host, pid, runId, heartbeat, given);
    }

    /** Whether this is the same hold of the lock as {@code other}: same run, same generation. */
    public boolean sameHold(LockOwner other) {
        return runId.equals(other.runId) && generation == other.generation;
    }

    public String describe() {
        return "run " + runId + " (pid " + pid + " on " + host + ", last heartbeat " + heartbeat + ")";
    }
}
