package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void knowsTheLatestVersionOfBothDialects() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            assertThat(highestVersion(dialect)).as(dialect.name()).isEqualTo(Integer.parseInt(Migrations.LATEST_VERSION));
        }
    }

    @Test
    void hasTheSameVersionsInBothDialects() throws Exception {
        assertThat(versions(Dialect.SQLITE)).isEqualTo(versions(Dialect.POSTGRESQL));
    }

    private static int highestVersion(Dialect dialect) throws IOException, URISyntaxException {
        return versions(dialect).stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    static java.util.List<Integer> versions(Dialect dialect) throws IOException, URISyntaxException {
        String location = dialect.migrationLocation().substring("classpath:".length());
        Path dir = Path.of(MigrationsTest.class.getClassLoader().getResource(location).toURI());
        try (var files = Files.list(dir)) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        }
    }
}
