package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL through pgjdbc: short connect timeout, strings sent untyped (so UUID, enum and
 * timestamp columns of the platform's own types accept them), batched inserts rewritten. A server
 * without a free connection slot is waited for (see {@link BusyServerRetry}).
 */
final class PostgresConnector implements Connector {
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /**
     * The whole login, TCP connect included. Generous: on a loaded machine (dozens of alive JVMs
     * starting at once) loading and running the driver's login code alone can take many seconds.
     */
    private static final int LOGIN_TIMEOUT_SECONDS = 30;
    /** How long a server without free connection slots is waited for. */
    static final Duration BUSY_SERVER_PATIENCE = Duration.ofSeconds(60);
    /** Key of the session advisory lock held while migrating ("alive" in ASCII). */
    private static final long MIGRATION_LOCK_KEY = 0x616c697665L;

    private final DatabaseUrl.Postgres url;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final BusyServerRetry retry;

    PostgresConnector(DatabaseUrl.Postgres url) {
        this(url, BUSY_SERVER_PATIENCE);
    }

    PostgresConnector(DatabaseUrl.Postgres url, Duration busyServerPatience) {
        this.url = url;
        this.retry = new BusyServerRetry(busyServerPatience);
        dataSource.setServerNames(new String[] {url.host()});
        dataSource.setPortNumbers(new int[] {url.port()});
        dataSource.setDatabaseName(url.database());
        dataSource.setUser(url.user());
        dataSource.setPassword(url.password());
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        dataSource.setApplicationName("alive");
        dataSource.setStringType("unspecified");
        dataSource.setReWriteBatchedInserts(true);
        dataSource.setTcpKeepAlive(true);
        dataSource.setLogServerErrorDetail(false); // "Failing row contains (...)" could show a password hash
        url.params().forEach((name, value) -> {
            try {
                dataSource.setProperty(name, value);
            } catch (SQLException e) {
                throw new AliveException(ErrorCategory.INVALID_INPUT, "state store URL " + url + ": unknown parameter '"
                        + name + "'; remove it from the host profile's state: value");
            }
        });
    }

    @Override
    public Connection connect() {
        try {
            return retry.connect(dataSource::getConnection);
        } catch (SQLException e) {
            var waited = BusyServerRetry.isBusy(e) ? " (still after waiting " + retry.patience().toSeconds() + " s)" : "";
            throw new StateStoreUnavailableException(location(), reason(e) + waited, e);
        }
    }

    @Override
    public DataSource dataSource() {
        return new ConnectorDataSource(this, dataSource);
    }

    @Override
    public String location() {
        return url.address();
    }

    @Override
    public int maxConnections() {
        return 8;
    }

    @Override
    public Lock migrationLock() {
        Connection connection = connect();
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StateStoreUnavailableException(location(), reason(e), e);
        }
        return () -> closeQuietly(connection); // a session lock ends with its session
    }

    /** A few words on why connecting failed; never the password. */
    private String reason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + url.host();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + CONNECT_TIMEOUT_SECONDS + " s";
            }
        }
        if ("08001".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("timed out")) {
            return "login not completed within " + LOGIN_TIMEOUT_SECONDS + " s";
        }
        String message = e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getMessage()
                : e.getMessage();
        return withoutPassword(message == null ? e.getClass().getSimpleName() : message);
    }

    private String withoutPassword(String message) {
        String password = url.password();
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already failing
        }
    }
}
