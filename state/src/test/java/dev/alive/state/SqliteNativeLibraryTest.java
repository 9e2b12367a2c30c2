package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    @TempDir
    Path cache;

    @Test
    void unpacksTheLibraryOnceAndReusesIt() throws Exception {
        Path library = SqliteNativeLibrary.unpackInto(cache).orElseThrow();
        assertThat(library).isRegularFile().startsWith(cache);
        assertThat(Files.size(library)).isPositive();
        long modified = Files.getLastModifiedTime(library).toMillis();
        try (var dir = Files.list(library.getParent())) {
            assertThat(dir).containsExactly(library);
        }

        Thread.sleep(20);
        assertThat(SqliteNativeLibrary.unpackInto(cache)).contains(library);
        assertThat(Files.getLastModifiedTime(library).toMillis()).isEqualTo(modified);
    }

    @Test
    void namesTheCachedCopyAfterVersionOsAndArchitectureSoThatLaterStartsNeedNotAskTheOs() {
        Path library = SqliteNativeLibrary.unpackInto(cache).orElseThrow();
        assertThat(library.getParent().getFileName().toString()).isEqualTo(SqliteNativeLibrary.folderName(
                org.sqlite.SQLiteJDBCLoader.getVersion(), System.getProperty("os.name"), System.getProperty("os.arch")));
    }

    @Test
    void folderNameKeepsOnlyPortableCharacters() {
        assertThat(SqliteNativeLibrary.folderName("3.50.3.0", "Mac OS X", "aarch64"))
                .isEqualTo("sqlite-jdbc-3.50.3.0-Mac-OS-X-aarch64");
        assertThat(SqliteNativeLibrary.folderName("1", "../x", "a/b")).isEqualTo("sqlite-jdbc-1-..-x-a-b");
    }
}
