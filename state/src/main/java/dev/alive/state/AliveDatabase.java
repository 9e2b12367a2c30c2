package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.StateStore;

/**
 * The state store database, opened from a URL (see {@link DatabaseUrl}): SQLite for one machine,
 * PostgreSQL shared by hosts and the platform. Opening connects, brings the schema up to date when
 * it is behind, and fails with {@link StateStoreUnavailableException} when the database cannot be
 * reached. Close it to release its connections; the stores it hands out need no closing.
 *
 * <pre>{@code
 * try (var db = AliveDatabase.open("sqlite:/var/lib/alive/state.db")) {
 *     var port = db.domains().reserve("hello.alive.test", "local", 3333, 3999, OptionalInt.empty());
 * }
 * }</pre>
 */
public final class AliveDatabase implements AutoCloseable {
    private final DatabaseUrl url;
    private final ConnectionPool pool;
    private final SqlStateStore stateStore;
    private final SqlAccounts accounts;
    private final SqlDomains domains;
    private final SqlApiTokens apiTokens;

    private AliveDatabase(DatabaseUrl url, Connector connector, Dialect dialect) {
        this.url = url;
        this.pool = new ConnectionPool(connector);
        pool.prefetch(); // connects while JDBI sets itself up
        var db = new JdbiDatabase(pool, dialect, connector.location());
        try {
            Migrations.bringUpToDate(db, connector, pool::closeIdle);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.stateStore = new SqlStateStore(db);
        this.accounts = new SqlAccounts(db);
        this.domains = new SqlDomains(db);
        this.apiTokens = new SqlApiTokens(db);
    }

    /**
     * Opens {@code url}: {@code sqlite:/path/state.db}, {@code sqlite::memory:},
     * {@code postgresql://user:password@host:port/database} or {@code postgresql:} (libpq variables).
     *
     * @throws AliveException (INVALID_INPUT) when the URL has none of these forms
     * @throws StateStoreUnavailableException when the database cannot be reached or opened
     */
    public static AliveDatabase open(String url) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new AliveException(ErrorCategory.INVALID_INPUT, e.getMessage()
                    + "; fix the state: value of the host profile", e);
        }
        return open(parsed);
    }

    public static AliveDatabase open(DatabaseUrl url) {
        return open(url, PostgresConnector.BUSY_SERVER_PATIENCE);
    }

    /** @param busyServerPatience how long a PostgreSQL server without a free connection slot is waited for */
    static AliveDatabase open(DatabaseUrl url, java.time.Duration busyServerPatience) {
        if (url instanceof DatabaseUrl.Sqlite sqlite) {
            return new AliveDatabase(url, new SqliteConnector(sqlite), Dialect.SQLITE);
        }
        return new AliveDatabase(url, new PostgresConnector((DatabaseUrl.Postgres) url, busyServerPatience),
                Dialect.POSTGRESQL);
    }

    public StateStore stateStore() {
        return stateStore;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Domains domains() {
        return domains;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    /** The URL without its password. */
    @Override
    public String toString() {
        return url.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}
