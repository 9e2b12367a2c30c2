package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * A small bounded pool for JDBI: connections are reused, checked when they sat idle for a while,
 * and dropped when broken. Waits when all are in use. {@link #prefetch()} opens the first one on
 * another thread while the caller sets up the rest.
 */
final class ConnectionPool implements ConnectionFactory, AutoCloseable {
    private static final long CHECK_AFTER_IDLE_NANOS = 10_000_000_000L;
    private static final long WAIT_MILLIS = 120_000;

    private record Idle(Connection connection, long since) {
    }

    private final Connector connector;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;
    private CompletableFuture<Connection> prefetched;

    ConnectionPool(Connector connector) {
        this.connector = connector;
    }

    /**
     * Starts opening a connection on a daemon thread; the next {@link #openConnection()} takes it
     * (or its failure). On one machine the first connection of a JVM is mostly one-time set-up
     * (SQLite's native library, sqlite-jdbc's date formats), which then overlaps JDBI's own.
     */
    synchronized void prefetch() {
        if (prefetched != null || closed || open >= connector.maxConnections()) {
            return;
        }
        open++;
        var future = new CompletableFuture<Connection>();
        var thread = new Thread(() -> {
            try {
                future.complete(connectInReservedSlot());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "alive-state-connect");
        thread.setDaemon(true);
        prefetched = future;
        thread.start();
    }

    @Override
    public Connection openConnection() throws SQLException {
        var early = takePrefetched();
        if (early != null) {
            try {
                return early.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        while (true) {
            Idle candidate = takeIdleOrReserveSlot();
            if (candidate == null) {
                return connectInReservedSlot();
            }
            if (System.nanoTime() - candidate.since() < CHECK_AFTER_IDLE_NANOS || candidate.connection().isValid(5)) {
                return candidate.connection();
            }
            discard(candidate.connection());
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        boolean reusable;
        try {
            reusable = !connection.isClosed() && resetForReuse(connection);
        } catch (SQLException e) {
            reusable = false;
        }
        synchronized (this) {
            if (reusable && !closed) {
                idle.push(new Idle(connection, System.nanoTime()));
                notifyAll();
                return;
            }
        }
        discard(connection);
    }

    @Override
    public void close() {
        var early = takePrefetched();
        if (early != null) {
            try {
                discard(early.join());
            } catch (CompletionException e) {
                // it never opened; its slot was released
            }
        }
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        closeIdle();
    }

    /** Closes the connections not in use (before a long wait, so as not to hold the server's slots). */
    void closeIdle() {
        while (true) {
            Idle next;
            synchronized (this) {
                next = idle.poll();
            }
            if (next == null) {
                return;
            }
            discard(next.connection());
        }
    }

    private synchronized CompletableFuture<Connection> takePrefetched() {
        var early = prefetched;
        prefetched = null;
        return early;
    }

    /** Returns an idle connection, or null after reserving a slot for a new one. */
    private synchronized Idle takeIdleOrReserveSlot() {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            if (closed) {
                throw new IllegalStateException("the state store at " + connector.location() + " is closed");
            }
            if (!idle.isEmpty()) {
                return idle.pop();
            }
            if (open < connector.maxConnections()) {
                open++;
                return null;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AliveException(ErrorCategory.UNAVAILABLE, "no free connection to the state store at "
                        + connector.location() + " after " + WAIT_MILLIS / 1000 + " s; try again with fewer runs at once");
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a state store connection", e);
            }
        }
    }

    private Connection connectInReservedSlot() {
        try {
            return connector.connect();
        } catch (RuntimeException e) {
            releaseSlot();
            throw e;
        }
    }

    private static boolean resetForReuse(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return true;
    }

    private void discard(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // it is being dropped anyway
        } finally {
            releaseSlot();
        }
    }

    private synchronized void releaseSlot() {
        open--;
        notifyAll();
    }
}
