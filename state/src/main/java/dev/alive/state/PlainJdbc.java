package dev.alive.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain JDBC on the pool, for the engine's state store: every task of every site reads or writes
 * it, and a start that only finds everything up to date should not pay for JDBI's set-up (tens of
 * milliseconds of configuration, argument and mapper registries, per handle and per statement).
 * SQL is written as for JDBI's defines ({@code <runs>}) with {@code ?} parameters. Failures never
 * show bound values; a lost connection is a {@link StateStoreUnavailableException}.
 */
final class PlainJdbc {
    private final ConnectionPool pool;
    private final String location;
    private final Map<String, Object> tables;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    /** Binds the parameters of a statement. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the rows of a result. */
    interface Rows<R> {
        R read(ResultSet rows) throws SQLException;
    }

    /** Work on one connection. */
    interface Work<R> {
        R on(Connection connection) throws SQLException;
    }

    PlainJdbc(ConnectionPool pool, Dialect dialect, String location) {
        this.pool = pool;
        this.location = location;
        this.tables = new HashMap<>(dialect.tables());
    }

    /** The statement with the dialect's table names. */
    String sql(String template) {
        return rendered.computeIfAbsent(template, t -> TableNameTemplates.render(t, tables));
    }

    <R> R query(String sql, Binder binder, Rows<R> rows) {
        return withConnection(connection -> query(connection, sql, binder, rows));
    }

    <R> R query(Connection connection, String sql, Binder binder, Rows<R> rows) throws SQLException {
        try (var statement = connection.prepareStatement(sql(sql))) {
            binder.bind(statement);
            try (var result = statement.executeQuery()) {
                return rows.read(result);
            }
        }
    }

    /** One statement in auto-commit mode; returns the count of rows it changed. */
    int update(String sql, Binder binder) {
        return withConnection(connection -> update(connection, sql, binder));
    }

    int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (var statement = connection.prepareStatement(sql(sql))) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    <R> R withConnection(Work<R> work) {
        var connection = open();
        try {
            return work.on(connection);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            release(connection);
        }
    }

    /** Runs {@code work} in one transaction (on SQLite: BEGIN IMMEDIATE); rolled back when it throws. */
    <R> R inTransaction(Work<R> work) {
        var connection = open();
        try {
            connection.setAutoCommit(false);
            var result = work.on(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            release(connection); // the pool rolls back what was not committed
        }
    }

    /** Binds a value that may be null (text, number or timestamp), leaving its type to the database. */
    static void setNullable(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private Connection open() {
        try {
            return pool.openConnection();
        } catch (SQLException e) {
            throw new StateStoreUnavailableException(location, e.getMessage(), e);
        }
    }

    private void release(Connection connection) {
        try {
            pool.closeConnection(connection);
        } catch (SQLException e) {
            // the pool drops a connection it cannot reset
        }
    }

    /** A statement failed: lost connection, or SQL the caller may classify (unique violation...). */
    private RuntimeException failed(SQLException e) {
        if (Dialect.isConnectionFailure(e)) {
            return new StateStoreUnavailableException(location, "connection lost", e);
        }
        return new StatementFailedException(location, e);
    }

    /** A statement of the state store failed; its message names the database's error, never bound values. */
    static final class StatementFailedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StatementFailedException(String location, SQLException cause) {
            super("the state store at " + location + " refused a statement: " + cause.getMessage(), cause);
        }
    }
}
