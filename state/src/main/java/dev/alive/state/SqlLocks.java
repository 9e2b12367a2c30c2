package dev.alive.state;

import dev.alive.engine.LockOwner;
import java.util.Optional;

/**
 * Unit locks as rows (one per unit) with a heartbeat, in SQLite and PostgreSQL alike: taking one
 * is an insert that does nothing on conflict, taking over is an update conditional on the run id.
 */
final class SqlLocks {
    private static final int ATTEMPTS = 5;

    private final JdbiDatabase db;
    private final Dialect dialect;

    SqlLocks(JdbiDatabase db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    Optional<LockOwner> tryLock(String unit, LockOwner owner) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean inserted = db.withHandle(handle -> handle.createUpdate("insert into <locks> "
                            + "(unit, host, pid, run_id, heartbeat) values (:unit, :host, :pid, :runId, :heartbeat) "
                            + "on conflict (unit) do nothing")
                    .bind("unit", unit)
                    .bind("host", owner.host())
                    .bind("pid", owner.pid())
                    .bind("runId", owner.runId())
                    .bind("heartbeat", dialect.bind(owner.heartbeat()))
                    .execute() == 1);
            if (inserted) {
                return Optional.empty();
            }
            var holder = holder(unit);
            if (holder.isPresent()) {
                return holder.get().runId().equals(owner.runId()) ? Optional.empty() : holder;
            }
            // released between the insert and the look: try again
        }
        throw new IllegalStateException("could not take or read the lock of " + unit + " after " + ATTEMPTS + " attempts");
    }

    boolean takeOver(String unit, LockOwner staleHolder, LockOwner owner) {
        return replaceHolder(unit, staleHolder.runId(), owner);
    }

    void heartbeat(String unit, LockOwner owner) {
        replaceHolder(unit, owner.runId(), owner);
    }

    void unlock(String unit, LockOwner owner) {
        db.useHandle(handle -> handle.createUpdate("delete from <locks> where unit = :unit and run_id = :runId")
                .bind("unit", unit)
                .bind("runId", owner.runId())
                .execute());
    }

    Optional<LockOwner> holder(String unit) {
        return db.query("select host, pid, run_id, heartbeat from <locks> where unit = ?",
                statement -> statement.setString(1, unit),
                rs -> rs.next() ? Optional.of(new LockOwner(rs.getString("host"), rs.getLong("pid"), rs.getString("run_id"),
                        dialect.instant(rs, "heartbeat"))) : Optional.empty());
    }

    private boolean replaceHolder(String unit, String expectedRunId, LockOwner owner) {
        return db.withHandle(handle -> handle.createUpdate("update <locks> set host = :host, pid = :pid, "
                        + "run_id = :runId, heartbeat = :heartbeat where unit = :unit and run_id = :expectedRunId")
                .bind("host", owner.host())
                .bind("pid", owner.pid())
                .bind("runId", owner.runId())
                .bind("heartbeat", dialect.bind(owner.heartbeat()))
                .bind("unit", unit)
                .bind("expectedRunId", expectedRunId)
                .execute() == 1);
    }
}
