package dev.alive.state;

import dev.alive.engine.store.FileHashCache;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The per-file hash cache kept in the database, one row per path. Rows are read lazily, a
 * directory subtree per query: the first lookup in a directory reads that directory's subtree;
 * a lookup in a second directory under the same parent reads the parent's whole subtree, so a
 * tree walk costs a handful of queries however many directories it has. What was put is written
 * back by {@link #flush()} in one transaction. Safe for concurrent use.
 *
 * <p>These are the store's hot paths (20,000 rows per tree), so they bind through plain JDBC
 * inside JDBI's handle: JDBI's per-argument type resolution costs more than the database.
 */
final class SqlFileHashCache implements FileHashCache {
    private record Known(Key key, String sha256) {
    }

    private final JdbiDatabase db;
    private final String table;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Known> unflushed = new ConcurrentHashMap<>();
    private final Set<String> loadedTrees = ConcurrentHashMap.newKeySet();
    private final Set<String> parentsWithALoadedChild = ConcurrentHashMap.newKeySet();
    /** Directories found loaded (themselves or an ancestor): a tree's files ask by the thousand. */
    private final Set<String> knownLoaded = ConcurrentHashMap.newKeySet();

    SqlFileHashCache(JdbiDatabase db) {
        this.db = db;
        this.table = db.dialect().table("file_hashes");
    }

    @Override
    public Optional<String> get(Key key) {
        var dir = parent(key.path());
        if (!knownLoaded.contains(dir)) {
            ensureLoaded(dir);
            knownLoaded.add(dir);
        }
        Known entry = known.get(key.path());
        return entry != null && entry.key().equals(key) ? Optional.of(entry.sha256()) : Optional.empty();
    }

    @Override
    public void put(Key key, String sha256) {
        var entry = new Known(key, sha256);
        known.put(key.path(), entry);
        unflushed.put(key.path(), entry);
    }

    @Override
    public void flush() {
        var batch = Map.copyOf(unflushed);
        if (batch.isEmpty()) {
            return;
        }
        String sql = "insert into " + table + " (path, size, mtime_ns, inode, ctime_ns, sha256) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (path) do update set size = excluded.size, mtime_ns = excluded.mtime_ns, "
                + "inode = excluded.inode, ctime_ns = excluded.ctime_ns, sha256 = excluded.sha256";
        db.jdbc().inTransaction(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (Known entry : batch.values()) {
                    Key key = entry.key();
                    statement.setString(1, key.path());
                    statement.setLong(2, key.size());
                    statement.setLong(3, key.mtimeNanos());
                    statement.setLong(4, key.inode());
                    statement.setLong(5, key.ctimeNanos());
                    statement.setString(6, entry.sha256());
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("saving " + batch.size() + " file hashes failed: " + e.getMessage(), e);
            }
            return null;
        });
        batch.forEach(unflushed::remove); // removes only entries not replaced meanwhile
    }

    @Override
    public void forget(String root) {
        forgetBelow(root);
        db.jdbc().update("delete from <file_hashes> where path = ? or (path >= ? and path < ?)", statement -> {
            statement.setString(1, root);
            statement.setString(2, root + "/");
            statement.setString(3, root + "0");
        });
    }

    /** Drops what this cache holds in memory for {@code root} and below (its rows were deleted). */
    void forgetBelow(String root) {
        var prefix = root + "/";
        Predicate<String> below = path -> path.equals(root) || path.startsWith(prefix);
        known.keySet().removeIf(below);
        unflushed.keySet().removeIf(below);
    }

    private void ensureLoaded(String dir) {
        if (isLoaded(dir)) {
            return;
        }
        synchronized (this) {
            if (isLoaded(dir)) {
                return;
            }
            String parent = dir.isEmpty() ? null : parent(dir);
            String scope = parent != null && !parentsWithALoadedChild.add(parent) ? parent : dir;
            load(scope);
            loadedTrees.add(scope);
        }
    }

    private boolean isLoaded(String dir) {
        for (String d = dir; d != null; d = d.isEmpty() ? null : parent(d)) {
            if (loadedTrees.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** Reads every row below {@code dir}: paths from {@code dir/} up to, not including, {@code dir0}. */
    private void load(String dir) {
        String sql = "select path, size, mtime_ns, inode, ctime_ns, sha256 from " + table
                + (dir.isEmpty() ? "" : " where path >= ? and path < ?");
        db.jdbc().withConnection(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                if (!dir.isEmpty()) {
                    statement.setString(1, dir + "/");
                    statement.setString(2, dir + "0");
                }
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        var key = new Key(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                        known.putIfAbsent(key.path(), new Known(key, rs.getString(6)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading file hashes below " + dir + " failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** The directory part of a path: {@code /a/b} for {@code /a/b/c}, empty for {@code /c} or {@code c}. */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }
}
