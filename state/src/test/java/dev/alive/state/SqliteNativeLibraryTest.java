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
}
