package dev.alive.state;

import java.sql.Connection;
import javax.sql.DataSource;

/** Opens connections to one database, turning "cannot connect" into {@link StateStoreUnavailableException}. */
interface Connector {

    Connection connect();

    /** For Flyway, which manages its own connections. */
    DataSource dataSource();

    /** {@code host:port} or the file, for messages. */
    String location();

    int maxConnections();

    /** Held while migrating so that concurrent processes migrate one at a time. */
    Lock migrationLock();

    /** A held lock. */
    interface Lock {
        void release();
    }
}
