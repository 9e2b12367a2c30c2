package dev.alive.state;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.zip.CRC32;
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

    /**
     * The library for this OS and architecture, unpacked below {@code cache} unless already there.
     * The copy is named after the jar sqlite-jdbc came from (path, size, time) and the platform:
     * asking sqlite-jdbc for its version or platform folder costs as much as unpacking.
     */
    static Optional<Path> unpackInto(Path cache) {
        String name = System.mapLibraryName("sqlitejdbc");
        Path dir = cache.resolve("sqlite-native-" + origin());
        Path library = dir.resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (var in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
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

    private static String origin() {
        String key = System.getProperty("os.name") + "|" + System.getProperty("os.arch");
        try {
            Path jar = Path.of(SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            var attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            key += "|" + jar + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            key += "|" + SQLiteJDBCLoader.getVersion();
        }
        var crc = new CRC32(); // (not a MessageDigest: loading the security providers costs a cold start more)
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(key.hashCode());
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
