package dev.alive.state;

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
 * reported as {@link StateStoreUnavailableException}. JDBI is set up on first use: the engine's
 * state store works on {@link #jdbc() plain JDBC}, so a run that finds everything up to date never
 * needs it.
 */
final class JdbiDatabase {
    private final ConnectionPool pool;
    private final Dialect dialect;
    private final String location;
    private final PlainJdbc jdbc;
    private volatile Jdbi jdbi;

    JdbiDatabase(ConnectionPool pool, Dialect dialect, String location) {
        this.pool = pool;
        this.dialect = dialect;
        this.location = location;
        this.jdbc = new PlainJdbc(pool, dialect, location);
    }

    private Jdbi jdbi() {
        var made = jdbi;
        if (made == null) {
            synchronized (this) {
                if (jdbi == null) {
                    var fresh = Jdbi.create(pool);
                    fresh.getConfig(SqlStatements.class)
                            .setTemplateEngine(new TableNameTemplates())
                            .setSqlParser(new NamedParameterParser())
                            .defineMap(dialect.tables());
                    // failures name the statement, never the bound values (a password hash is one of them)
                    fresh.getConfig(StatementExceptions.class).setMessageRendering(JdbiDatabase::withoutValues);
                    jdbi = fresh;
                }
                made = jdbi;
            }
        }
        return made;
    }

    /** Plain JDBC on the same pool, for the state store's hot paths. */
    PlainJdbc jdbc() {
        return jdbc;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi().withHandle(work);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /** Runs {@code work} in one transaction (on SQLite: BEGIN IMMEDIATE). */
    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi().inTransaction(work);
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

    private static String withoutValues(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRenderedSql();
        return e.getShortMessage() + (sql == null ? "" : " [statement: " + sql + "]");
    }

    private RuntimeException translated(JdbiException e) {
        return Dialect.isConnectionFailure(e) ? new StateStoreUnavailableException(location, "connection lost", e) : e;
    }
}
