package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.LockOwner;
import java.util.Optional;

/**
 * Unit locks as rows (one per unit) with a heartbeat, in SQLite and PostgreSQL alike: taking one
 * is an insert that does nothing on conflict, taking over is an update conditional on the run id.
 */
final class SqlLocks {
    private static final int ATTEMPTS = 5;

    private final PlainJdbc jdbc;
    private final Dialect dialect;

    SqlLocks(JdbiDatabase db) {
        this.jdbc = db.jdbc();
        this.dialect = db.dialect();
    }

    Optional<LockOwner> tryLock(String unit, LockOwner owner) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean inserted = jdbc.update("insert into <locks> (unit, host, pid, run_id, heartbeat) values (?, ?, ?, ?, ?) "
                    + "on conflict (unit) do nothing", statement -> {
                        statement.setString(1, unit);
                        statement.setString(2, owner.host());
                        statement.setLong(3, owner.pid());
                        statement.setString(4, owner.runId());
                        statement.setObject(5, dialect.bind(owner.heartbeat()));
                    }) == 1;
            if (inserted) {
                return Optional.empty();
            }
            var holder = holder(unit);
            if (holder.isPresent()) {
                return holder.get().runId().equals(owner.runId()) ? Optional.empty() : holder;
            }
            // released between the insert and the look: try again
        }
        throw new AliveException(ErrorCategory.CONFLICT, "could not take or read the lock of " + unit + " after "
                + ATTEMPTS + " attempts (other runs keep taking and releasing it); try again");
    }

    boolean takeOver(String unit, LockOwner staleHolder, LockOwner owner) {
        return replaceHolder(unit, staleHolder.runId(), owner);
    }

    void heartbeat(String unit, LockOwner owner) {
        replaceHolder(unit, owner.runId(), owner);
    }

    void unlock(String unit, LockOwner owner) {
        jdbc.update("delete from <locks> where unit = ? and run_id = ?", statement -> {
            statement.setString(1, unit);
            statement.setString(2, owner.runId());
        });
    }

    Optional<LockOwner> holder(String unit) {
        return jdbc.query("select host, pid, run_id, heartbeat from <locks> where unit = ?",
                statement -> statement.setString(1, unit),
                rs -> rs.next() ? Optional.of(new LockOwner(rs.getString("host"), rs.getLong("pid"), rs.getString("run_id"),
                        dialect.instant(rs, "heartbeat"))) : Optional.empty());
    }

    private boolean replaceHolder(String unit, String expectedRunId, LockOwner owner) {
        return jdbc.update("update <locks> set host = ?, pid = ?, run_id = ?, heartbeat = ? where unit = ? and run_id = ?",
                statement -> {
                    statement.setString(1, owner.host());
                    statement.setLong(2, owner.pid());
                    statement.setString(3, owner.runId());
                    statement.setObject(4, dialect.bind(owner.heartbeat()));
                    statement.setString(5, unit);
                    statement.setString(6, expectedRunId);
                }) == 1;
    }
}
