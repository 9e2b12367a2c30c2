package dev.alive.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * JDBI over a connection pool, with the dialect's table names defined for every statement
 * ({@code select * from <runs>}), errors that never show bound values, and a lost connection
 * reported as {@link StateStoreUnavailableException}.
 */
final class JdbiDatabase {
    private final Jdbi jdbi;
    private final ConnectionPool pool;
    private final Dialect dialect;
    private final String location;
    private final Map<String, Object> tables;
    private final Map<String, String> renderedSql = new ConcurrentHashMap<>();

    /** Binds the parameters of a statement. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the rows of a result. */
    interface Rows<R> {
        R read(ResultSet rows) throws SQLException;
    }

    JdbiDatabase(ConnectionPool pool, Dialect dialect, String location) {
        this.jdbi = Jdbi.create(pool);
        this.pool = pool;
        this.tables = new HashMap<>(dialect.tables());
        this.dialect = dialect;
        this.location = location;
        jdbi.getConfig(SqlStatements.class)
                .setTemplateEngine(new TableNameTemplates())
                .setSqlParser(new NamedParameterParser())
                .defineMap(dialect.tables());
        // failures name the statement, never the bound values (a password hash is one of them)
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(JdbiDatabase::withoutValues);
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /** Runs {@code work} in one transaction (on SQLite: BEGIN IMMEDIATE). */
    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    void useTransaction(java.util.function.Consumer<Handle> work) {
        inTransaction(handle -> {
            work.accept(handle);
            return null;
        });
    }

    void useHandle(java.util.function.Consumer<Handle> work) {
        withHandle(handle -> {
            work.accept(handle);
            return null;
        });
    }

    /**
     * A query on plain JDBC over a pooled connection, its SQL written as for JDBI ({@code <runs>})
     * with {@code ?} parameters: for the reads a fleet makes per site, where JDBI's per-handle and
     * per-statement setup costs more than SQLite's answer. Failures never show bound values.
     */
    <R> R query(String sql, Binder binder, Rows<R> rows) {
        String rendered = renderedSql.computeIfAbsent(sql, template -> TableNameTemplates.render(template, tables));
        java.sql.Connection connection;
        try {
            connection = pool.openConnection();
        } catch (SQLException e) {
            throw new StateStoreUnavailableException(location, e.getMessage(), e);
        }
        try (var statement = connection.prepareStatement(rendered)) {
            binder.bind(statement);
            try (var result = statement.executeQuery()) {
                return rows.read(result);
            }
        } catch (SQLException e) {
            if (Dialect.isConnectionFailure(e)) {
                throw new StateStoreUnavailableException(location, "connection lost", e);
            }
            throw new IllegalStateException("reading the state store at " + location + " failed: " + e.getMessage()
                    + " [statement: " + rendered + "]", e);
        } finally {
            try {
                pool.closeConnection(connection);
            } catch (SQLException e) {
                // the pool drops a connection it cannot reset
            }
        }
    }

    private static String withoutValues(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRenderedSql();
        return e.getShortMessage() + (sql == null ? "" : " [statement: " + sql + "]");
    }

    private RuntimeException translated(JdbiException e) {
        return Dialect.isConnectionFailure(e) ? new StateStoreUnavailableException(location, "connection lost", e) : e;
    }
}
