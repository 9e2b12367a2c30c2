package dev.alive.cli.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the machine's server (127.0.0.1:5432, user postgres, trust auth),
 * created through the {@code postgres} maintenance database and dropped (with its sessions) at close.
 */
final class FreshDatabase implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;

    private final String name = "alive_fleet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private FreshDatabase() {
        maintenance("create database " + name);
    }

    static FreshDatabase create() {
        return new FreshDatabase();
    }

    String name() {
        return name;
    }

    /** The state URL alive is given. */
    String url() {
        return "postgresql://postgres@" + HOST + ":" + PORT + "/" + name;
    }

    /** Rows of a query, each a column-name-to-value map in column order. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection connection = connect(name);
             var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            var rows = new ArrayList<Map<String, Object>>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                var row = new LinkedHashMap<String, Object>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement (to play a part the test cannot play for real, such as another host). */
    void execute(String sql) {
        try (Connection connection = connect(name); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        return ((Number) rows(sql).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() {
        maintenance("drop database if exists " + name + " with (force)");
    }

    private static void maintenance(String sql) {
        try (Connection connection = connect("postgres"); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " (user postgres, trust) is needed"
                    + " by this test: " + e.getMessage(), e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, "postgres", "");
    }
}
