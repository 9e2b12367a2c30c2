package dev.alive.state;

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
    static final String LATEST_VERSION = "2";

    private Migrations() {
    }

    static void bringUpToDate(JdbiDatabase database, Connector connector) {
        if (isCurrent(database)) {
            return;
        }
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
            throw new IllegalStateException("migrating the state store at " + connector.location() + " failed: "
                    + e.getMessage(), e);
        }
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
