package dev.alive.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between SQLite and PostgreSQL for the stores: table names (SQL uses JDBI defines
 * such as {@code <runs>}), how instants are kept, and how errors are classified.
 */
enum Dialect {
    SQLITE(Map.ofEntries(
            Map.entry("users", "users"),
            Map.entry("orgs", "orgs"),
            Map.entry("memberships", "org_memberships"),
            Map.entry("domains", "domains"),
            Map.entry("settings", "alive_settings"),
            Map.entry("api_tokens", "alive_api_tokens"),
            Map.entry("runs", "alive_runs"),
            Map.entry("journal", "alive_journal"),
            Map.entry("run_logs", "alive_run_logs"),
            Map.entry("task_states", "alive_task_states"),
            Map.entry("locks", "alive_locks"),
            Map.entry("lock_generations", "alive_lock_generations"),
            Map.entry("manifests", "alive_manifests"),
            Map.entry("file_hashes", "alive_file_hashes"),
            Map.entry("history", "alive_flyway_schema_history"))),
    POSTGRESQL(Map.ofEntries(
            Map.entry("users", "iam.users"),
            Map.entry("orgs", "iam.orgs"),
            Map.entry("memberships", "iam.org_memberships"),
            Map.entry("domains", "app.domains"),
            Map.entry("settings", "alive.settings"),
            Map.entry("api_tokens", "alive.api_tokens"),
            Map.entry("runs", "alive.runs"),
            Map.entry("journal", "alive.journal"),
            Map.entry("run_logs", "alive.run_logs"),
            Map.entry("task_states", "alive.task_states"),
            Map.entry("locks", "alive.locks"),
            Map.entry("lock_generations", "alive.lock_generations"),
            Map.entry("manifests", "alive.manifests"),
            Map.entry("file_hashes", "alive.file_hashes"),
            Map.entry("history", "alive.flyway_schema_history")));

    private final Map<String, String> tables;

    Dialect(Map<String, String> tables) {
        this.tables = tables;
    }

    /** Logical table name to the real one, for JDBI's {@code <name>} defines. */
    Map<String, String> tables() {
        return tables;
    }

    String table(String logicalName) {
        return tables.get(logicalName);
    }

    /** Where this dialect's Flyway migrations live. */
    String migrationLocation() {
        return "classpath:dev/alive/state/migration/" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Instants are kept to the microsecond: SQLite as epoch microseconds, PostgreSQL as timestamptz. */
    Object bind(Instant instant) {
        if (instant == null) {
            return null;
        }
        return this == SQLITE ? (Object) ChronoUnit.MICROS.between(Instant.EPOCH, instant) : Timestamp.from(instant);
    }

    Instant instant(ResultSet rs, String column) throws SQLException {
        if (this == SQLITE) {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * What a select appends to hold the rows it read until the transaction ends (PostgreSQL's
     * {@code for share}); SQLite needs nothing: its write transactions run one at a time.
     */
    String holdingRows() {
        return this == SQLITE ? "" : " for share";
    }

    /** The current time as this dialect keeps it. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    boolean isUniqueViolation(Throwable failure) {
        return matches(failure, "23505", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE,
                SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    boolean isForeignKeyViolation(Throwable failure) {
        return matches(failure, "23503", SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY);
    }

    /** A conflict with a concurrent transaction that is worth retrying. */
    boolean isConflict(Throwable failure) {
        return isUniqueViolation(failure) || matches(failure, "40001", SQLiteErrorCode.SQLITE_BUSY)
                || matches(failure, "40P01", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);
    }

    /** The connection to the server was lost or could not be made (SQLSTATE class 08). */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Throwable failure, String sqlState, SQLiteErrorCode... sqliteCodes) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (this == SQLITE && t instanceof SQLiteException sqlite) {
                for (SQLiteErrorCode code : sqliteCodes) {
                    if (sqlite.getResultCode() == code) {
                        return true;
                    }
                }
            } else if (this == POSTGRESQL && t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
