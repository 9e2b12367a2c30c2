package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Brings a database to the schema this build expects. The common case, a schema already current,
 * costs one query: Flyway (hundreds of milliseconds of scanning and validating) only runs when the
 * history table lacks {@link #LATEST_VERSION}, under a lock so concurrent processes migrate in turn.
 */
final class Migrations {
    /** The highest migration version in both dialects' locations (checked by a test). */
    static final String LATEST_VERSION = "5";

    private Migrations() {
    }

    /**
     * @param beforeWaiting run before waiting for the migration lock: releases the pool's idle
     *     connections, so that processes queueing for the lock hold one connection each, not two,
     *     and leave the server's slots to the one that migrates
     */
    static void bringUpToDate(JdbiDatabase database, Connector connector, Runnable beforeWaiting) {
        if (isCurrent(database)) {
            return;
        }
        beforeWaiting.run();
        var lock = connector.migrationLock();
        try {
            if (!isCurrent(database)) {
                migrate(database.dialect(), connector);
            }
        } finally {
            lock.release();
        }
    }

    static boolean isCurrent(JdbiDatabase database) {
        try {
            return database.jdbc().query("select count(*) from <history> where version = ? and success",
                    statement -> statement.setString(1, LATEST_VERSION), rows -> rows.next() && rows.getInt(1) > 0);
        } catch (IllegalStateException e) {
            return false; // no history table yet
        }
    }

    private static void migrate(Dialect dialect, Connector connector) {
        var configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(connector.dataSource())
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true);
        if (dialect == Dialect.POSTGRESQL) {
            configuration.schemas("alive").table("flyway_schema_history");
        } else {
            configuration.table("alive_flyway_schema_history");
        }
        try {
            var flyway = configuration.load(); // (which resets Flyway's logging to its console default)
            LogFactory.setLogCreator(Silent.CREATOR);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new AliveException(ErrorCategory.FAILED, "migrating the state store at " + connector.location()
                    + " failed: " + firstLine(e.getMessage()) + "; nothing was deployed: fix the database (or"
                    + " restore its backup) and run again", e);
        }
    }

    /** Flyway's messages go on with SQL state, error code and a rule of dashes: one line is enough here. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        var line = message.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "unknown error" : line;
    }

    /** Flyway talks on the console by default (banner, database URL); alive reports failures itself. */
    private static final class Silent implements Log {
        static final LogCreator CREATOR = type -> new Silent();

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Exception e) {
        }

        @Override
        public void notice(String message) {
        }
    }
}
