package dev.alive.engine.store;

import java.time.Instant;
import java.util.Objects;

/** Who holds a unit's lock: enough for an operator (and the engine) to tell whether it is alive. */
public record LockOwner(String host, long pid, String runId, Instant heartbeat) {
    public LockOwner {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    public LockOwner withHeartbeat(Instant at) {
        return new LockOwner(host, pid, runId, at);
    }

    public String describe() {
        return "run " + runId + " (pid " + pid + " on " + host + ", last heartbeat " + heartbeat + ")";
    }
}
