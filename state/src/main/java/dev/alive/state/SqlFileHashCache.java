package dev.alive.state;

import dev.alive.engine.FileHashCache;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-file hash cache kept in the database, one row per path. Rows are read lazily, a whole
 * directory subtree per query (the parent directory of the first file looked up there), and what
 * was put is written back by {@link #flush()} in one transaction. Safe for concurrent use.
 */
final class SqlFileHashCache implements FileHashCache {
    private record Known(Key key, String sha256) {
    }

    private final JdbiDatabase db;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Known> unflushed = new ConcurrentHashMap<>();
    private final Set<String> loadedTrees = ConcurrentHashMap.newKeySet();

    SqlFileHashCache(JdbiDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(Key key) {
        ensureLoaded(parent(key.path()));
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
        db.useTransaction(handle -> {
            var statement = handle.prepareBatch("insert into <file_hashes> (path, size, mtime_ns, inode, ctime_ns, sha256) "
                    + "values (:path, :size, :mtime, :inode, :ctime, :sha256) on conflict (path) do update set "
                    + "size = excluded.size, mtime_ns = excluded.mtime_ns, inode = excluded.inode, "
                    + "ctime_ns = excluded.ctime_ns, sha256 = excluded.sha256");
            for (Known entry : batch.values()) {
                Key key = entry.key();
                statement.bind("path", key.path())
                        .bind("size", key.size())
                        .bind("mtime", key.mtimeNanos())
                        .bind("inode", key.inode())
                        .bind("ctime", key.ctimeNanos())
                        .bind("sha256", entry.sha256())
                        .add();
            }
            statement.execute();
        });
        batch.forEach(unflushed::remove); // removes only entries not replaced meanwhile
    }

    private void ensureLoaded(String dir) {
        for (String d = dir; d != null; d = d.isEmpty() ? null : parent(d)) {
            if (loadedTrees.contains(d)) {
                return;
            }
        }
        synchronized (this) {
            if (loadedTrees.contains(dir)) {
                return;
            }
            load(dir);
            loadedTrees.add(dir);
        }
    }

    /** Reads every row below {@code dir}: paths from {@code dir/} up to, not including, {@code dir0}. */
    private void load(String dir) {
        String sql = "select path, size, mtime_ns, inode, ctime_ns, sha256 from <file_hashes>"
                + (dir.isEmpty() ? "" : " where path >= :from and path < :to");
        db.useHandle(handle -> {
            var query = handle.createQuery(sql);
            if (!dir.isEmpty()) {
                query.bind("from", dir + "/").bind("to", dir + "0");
            }
            query.setFetchSize(1000).map((rs, ctx) -> new Known(
                            new Key(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                            rs.getString(6)))
                    .forEach(entry -> known.putIfAbsent(entry.key().path(), entry));
        });
    }

    /** The directory part of a path: {@code /a/b} for {@code /a/b/c}, empty for {@code /c} or {@code c}. */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }
}
