package dev.alive.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc unpacks (and checksums) its native library into the temp directory at every start,
 * about a tenth of a second of a no-op {@code alive} run. alive keeps one unpacked copy per
 * sqlite-jdbc version in the user's cache directory and points sqlite-jdbc at it. Anything odd
 * (another OS layout, an unwritable home) leaves sqlite-jdbc to do as it always does.
 */
final class SqliteNativeLibrary {
    private static boolean configured;

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection of this JVM. */
    static synchronized void useCachedCopy() {
        if (configured || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        configured = true;
        try {
            cacheDirectory().flatMap(SqliteNativeLibrary::unpackInto).ifPresent(library -> {
                System.setProperty("org.sqlite.lib.path", library.getParent().toString());
                System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
            });
        } catch (RuntimeException | LinkageError e) {
            // sqlite-jdbc unpacks it itself
        }
    }

    /** The library for this OS and architecture, unpacked below {@code cache} unless already there. */
    static Optional<Path> unpackInto(Path cache) {
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        String name = System.mapLibraryName("sqlitejdbc");
        Path dir = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + folder.replace('/', '-'));
        Path library = dir.resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        try (var in = SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path partial = Files.createTempFile(dir, name, ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(library);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "alive"));
        }
        return home == null || home.isBlank() || home.equals("?") ? Optional.empty() : Optional.of(Path.of(home, ".cache", "alive"));
    }
}
