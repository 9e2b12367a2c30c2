package dev.alive.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class on the machine's server (127.0.0.1:5432, user
 * postgres, trust), made through the {@code postgres} maintenance database and dropped at close.
 */
final class TestPostgres implements AutoCloseable {
    static final String SERVER = "127.0.0.1:5432";

    private final String name = "alive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private TestPostgres() {
        maintenance("create database " + name);
    }

    static TestPostgres create() {
        return new TestPostgres();
    }

    String url() {
        return "postgresql://postgres@" + SERVER + "/" + name;
    }

    /** Runs SQL directly on the test database (to lay out the platform's schema before alive sees it). */
    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + name, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        maintenance("drop database if exists " + name + " with (force)");
    }

    private static void maintenance(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " (user postgres) is needed by this test: " + e.getMessage(), e);
        }
    }
}
