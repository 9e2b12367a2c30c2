package dev.alive.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Connecting to a PostgreSQL server that is up but cannot take one more client right now — all of
 * {@code max_connections} (or a role's or database's connection limit) in use, or the server still
 * starting — is retried with growing, jittered pauses until a deadline. Fifty alive processes
 * started at once can otherwise exhaust a default server's 100 connections and fail for no reason
 * of their own. Any other failure is thrown at once.
 */
final class BusyServerRetry {
    /** too_many_connections, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> BUSY_STATES = Set.of("53300", "57P03");
    private static final long FIRST_PAUSE_MILLIS = 25;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    /** Opens one connection, throwing what the driver throws. */
    interface Attempt {
        Connection connect() throws SQLException;
    }

    private final Duration patience;

    BusyServerRetry(Duration patience) {
        this.patience = patience;
    }

    Duration patience() {
        return patience;
    }

    /**
     * Attempts until a connection is made, a failure is not a busy server, or the patience is used up.
     *
     * @throws SQLException the last failure
     */
    Connection connect(Attempt attempt) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                return attempt.connect();
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                sleep(ThreadLocalRandom.current().nextLong(pause / 2, pause + 1), e);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    static boolean isBusy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && BUSY_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis, SQLException pending) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw pending;
        }
    }
}
