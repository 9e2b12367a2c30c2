package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.LockLostException;
import dev.alive.engine.store.LockOwner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Unit locks as rows (one per unit) with a heartbeat and a generation, in SQLite and PostgreSQL
 * alike: taking one is an insert that does nothing on conflict, taking over is an update
 * conditional on the run id, and each of both draws the unit's next generation from
 * {@code <lock_generations>} in the same transaction (a counter that outlives the released row).
 * {@link #checkHeld} is the fence of commits: it holds the lock row until the caller's transaction
 * ends, so a takeover waits for a commit that passed the check.
 */
final class SqlLocks {
    private static final int ATTEMPTS = 5;
    private static final String COLUMNS = "host, pid, run_id, heartbeat, generation";

    private final PlainJdbc jdbc;
    private final Dialect dialect;

    SqlLocks(JdbiDatabase db) {
        this.jdbc = db.jdbc();
        this.dialect = db.dialect();
    }

    LockOwner tryLock(String unit, LockOwner owner) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var holder = jdbc.inTransaction(connection -> {
                var current = holder(connection, unit, "");
                if (current.isPresent()) {
                    return current;
                }
                var taken = owner.withGeneration(nextGeneration(connection, unit));
                boolean inserted = jdbc.update(connection, "insert into <locks> (unit, " + COLUMNS + ") "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (unit) do nothing", statement -> {
                            statement.setString(1, unit);
                            bindOwner(statement, 2, taken);
                        }) == 1;
                return inserted ? Optional.of(taken) : holder(connection, unit, "");
            });
            if (holder.isPresent()) {
                return holder.get();
            }
            // released between the insert and the look: try again
        }
        throw new AliveException(ErrorCategory.CONFLICT, "could not take or read the lock of " + unit + " after "
                + ATTEMPTS + " attempts (other runs keep taking and releasing it); try again");
    }

    Optional<LockOwner> takeOver(String unit, LockOwner staleHolder, LockOwner owner) {
        return jdbc.inTransaction(connection -> {
            var taken = owner.withGeneration(nextGeneration(connection, unit));
            boolean replaced = jdbc.update(connection, "update <locks> set host = ?, pid = ?, run_id = ?, heartbeat = ?, "
                    + "generation = ? where unit = ? and run_id = ?", statement -> {
                        bindOwner(statement, 1, taken);
                        statement.setString(6, unit);
                        statement.setString(7, staleHolder.runId());
                    }) == 1;
            if (!replaced) {
                connection.rollback(); // the generation drawn is not used
            }
            return replaced ? Optional.of(taken) : Optional.<LockOwner>empty();
        });
    }

    boolean heartbeat(String unit, LockOwner owner) {
        return jdbc.update("update <locks> set heartbeat = ? where unit = ? and run_id = ? and generation = ?",
                statement -> {
                    statement.setObject(1, dialect.bind(owner.heartbeat()));
                    statement.setString(2, unit);
                    statement.setString(3, owner.runId());
                    statement.setLong(4, owner.generation());
                }) == 1;
    }

    void unlock(String unit, LockOwner owner) {
        jdbc.update("delete from <locks> where unit = ? and run_id = ? and generation = ?", statement -> {
            statement.setString(1, unit);
            statement.setString(2, owner.runId());
            statement.setLong(3, owner.generation());
        });
    }

    Optional<LockOwner> holder(String unit) {
        return jdbc.withConnection(connection -> holder(connection, unit, ""));
    }

    /**
     * Within the caller's transaction: throws {@link LockLostException} unless {@code lock} still
     * holds the unit's lock (same run id and generation), and holds the row until the transaction ends.
     */
    void checkHeld(Connection connection, String unit, LockOwner lock) throws SQLException {
        var holder = holder(connection, unit, dialect.holdingRows());
        if (holder.isEmpty() || !holder.get().sameHold(lock)) {
            throw new LockLostException(unit, lock, holder);
        }
    }

    private Optional<LockOwner> holder(Connection connection, String unit, String suffix) throws SQLException {
        return jdbc.query(connection, "select " + COLUMNS + " from <locks> where unit = ?" + suffix,
                statement -> statement.setString(1, unit),
                rs -> rs.next() ? Optional.of(new LockOwner(rs.getString("host"), rs.getLong("pid"), rs.getString("run_id"),
                        dialect.instant(rs, "heartbeat"), rs.getLong("generation"))) : Optional.empty());
    }

    /** The unit's next lock generation (1 for its first lock), within the caller's transaction. */
    private long nextGeneration(Connection connection, String unit) throws SQLException {
        return jdbc.query(connection, "insert into <lock_generations> as counter (unit, generation) values (?, 1) "
                + "on conflict (unit) do update set generation = counter.generation + 1 returning generation",
                statement -> statement.setString(1, unit), rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
    }

    private void bindOwner(java.sql.PreparedStatement statement, int first, LockOwner owner) throws SQLException {
        statement.setString(first, owner.host());
        statement.setLong(first + 1, owner.pid());
        statement.setString(first + 2, owner.runId());
        statement.setObject(first + 3, dialect.bind(owner.heartbeat()));
        statement.setLong(first + 4, owner.generation());
    }
}
