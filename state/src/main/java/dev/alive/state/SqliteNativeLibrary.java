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
 * about a tenth of a second of a no-op {@code alive} run, and finds its folder in the jar by asking
 * the OS (it runs {@code uname -o} and lists {@code /proc/self/map_files}). alive keeps one unpacked
 * copy per sqlite-jdbc version, OS name and architecture in the user's cache directory and points
 * sqlite-jdbc at it, so a start after the first touches neither. Anything odd (another OS layout,
 * an unwritable home, a copy that does not load) leaves sqlite-jdbc to do as it always does.
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
                if (System.getProperty("org.sqlite.tmpdir") == null) {
                    // where sqlite-jdbc looks for stale copies at every start (a small private folder
                    // rather than all of /tmp), and unpacks its own copy should ours not load
                    System.setProperty("org.sqlite.tmpdir", library.getParent().toString());
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // sqlite-jdbc unpacks it itself
        }
    }

    /**
     * The library for this OS and architecture, unpacked below {@code cache} unless already there.
     * The folder is named from Java's own properties; only the first unpacking asks sqlite-jdbc's
     * {@code OSInfo} which of its libraries fits.
     */
    static Optional<Path> unpackInto(Path cache) {
        String name = System.mapLibraryName("sqlitejdbc");
        Path dir = cache.resolve(folderName(SQLiteJDBCLoader.getVersion(), System.getProperty("os.name"),
                System.getProperty("os.arch")));
        Path library = dir.resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
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

    /** {@code sqlite-jdbc-<version>-<os>-<arch>}, with anything but letters, digits, '.' and '_' as '-'. */
    static String folderName(String version, String osName, String arch) {
        return ("sqlite-jdbc-" + version + "-" + osName + "-" + arch).replaceAll("[^A-Za-z0-9._]", "-");
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
