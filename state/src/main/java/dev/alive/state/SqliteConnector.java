package dev.alive.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite: one file created with mode 0600 (its -wal and -shm files inherit it), WAL journal (switched
 * on once per file, under the lock file: several processes switching a new file at once would meet
 * SQLite's deadlock guard, which fails at once without waiting), synchronous=FULL (a commit survives
 * power loss), secure_delete (deleted rows are overwritten), a busy timeout, foreign keys on, and {@code BEGIN IMMEDIATE} transactions so that writers from several processes queue instead of failing.
 */
final class SqliteConnector implements Connector {
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final ReentrantLock LOCKED_IN_THIS_JVM = new ReentrantLock();

    private final Path file;
    private final String memoryName;
    private volatile SQLiteDataSource dataSource;

    SqliteConnector(DatabaseUrl.Sqlite url) {
        this.file = url.file();
        this.memoryName = file == null ? "alive-" + java.util.UUID.randomUUID() : null;
        if (file != null) {
            createPrivately(file);
        }
    }

    /**
     * Made on first use, which may be on the pool's prefetching thread: the first SQLiteConfig of a
     * JVM sets up sqlite-jdbc's date format (the JDK's calendar and locale data, tens of milliseconds).
     */
    private SQLiteDataSource source() {
        var made = dataSource;
        if (made == null) {
            synchronized (this) {
                if (dataSource == null) {
                    dataSource = newDataSource();
                }
                made = dataSource;
            }
        }
        return made;
    }

    private SQLiteDataSource newDataSource() {
        SqliteNativeLibrary.useCachedCopy();
        var config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // a deleted row's bytes are overwritten, not left in a free page: pruning and forgetting
        // cached hashes must really remove what they remove
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (file != null) {
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        var source = new SQLiteDataSource(config);
        // in memory: a named shared-cache database, so that Flyway's connection sees the pool's one
        source.setUrl(file == null ? "jdbc:sqlite:file:" + memoryName + "?mode=memory&cache=shared" : "jdbc:sqlite:" + file);
        if (file != null) {
            useWriteAheadLog(source);
        }
        return source;
    }

    /** The journal mode is kept in the file: one query when it is WAL already, the switch under the lock otherwise. */
    private void useWriteAheadLog(SQLiteDataSource source) {
        try (var connection = source.getConnection()) {
            if (isWriteAheadLog(connection)) {
                return;
            }
            var lock = lockFile();
            try (var statement = connection.createStatement()) {
                statement.execute("pragma journal_mode=wal");
            } finally {
                lock.release();
            }
            if (!isWriteAheadLog(connection)) {
                throw new StateStoreUnavailableException(location(), "cannot switch the journal to WAL", null);
            }
        } catch (SQLException e) {
            throw new StateStoreUnavailableException(location(), e.getMessage(), e);
        }
    }

    private static boolean isWriteAheadLog(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("pragma journal_mode")) {
            return rows.next() && "wal".equalsIgnoreCase(rows.getString(1));
        }
    }

    @Override
    public Connection connect() {
        try {
            return source().getConnection();
        } catch (SQLException e) {
            throw new StateStoreUnavailableException(location(), e.getMessage(), e);
        }
    }

    @Override
    public DataSource dataSource() {
        return source();
    }

    @Override
    public String location() {
        return file == null ? ":memory:" : file.toString();
    }

    @Override
    public int maxConnections() {
        return file == null ? 1 : 4;
    }

    @Override
    public Lock migrationLock() {
        source(); // made (and its journal switched) before the lock is taken, never under it
        return lockFile();
    }

    /** A lock file next to the database (never SQLite's own file: POSIX locks on it belong to SQLite). */
    private Lock lockFile() {
        LOCKED_IN_THIS_JVM.lock();
        if (file == null) {
            return LOCKED_IN_THIS_JVM::unlock;
        }
        try {
            var lockFile = file.resolveSibling(file.getFileName() + ".migrate.lock");
            createPrivately(lockFile);
            var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            var lock = channel.lock();
            return () -> {
                try (channel) {
                    lock.release();
                } catch (IOException e) {
                    // closing the channel releases the lock anyway
                } finally {
                    LOCKED_IN_THIS_JVM.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            LOCKED_IN_THIS_JVM.unlock();
            throw new StateStoreUnavailableException(location(), "cannot take the lock file: " + e, e);
        }
    }

    private void createPrivately(Path path) {
        var parent = path.getParent();
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new StateStoreUnavailableException(location(), "cannot create directory " + parent + " (" + why(e) + ")", e);
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // kept as it is
        } catch (IOException e) {
            throw new StateStoreUnavailableException(location(), "cannot create " + path + " (" + why(e) + ")", e);
        }
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.toString();
    }
}
