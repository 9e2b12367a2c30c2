package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ApiTokens} on SQLite and on PostgreSQL. */
class ApiTokensTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    static Path dir;

    static List<String> databases() {
        return List.of("sqlite", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesATokenByHashFindsItAndRefusesASecondOfTheSameName(String kind) {
        try (var postgres = kind.equals("postgresql") ? TestPostgres.create() : null;
             var db = AliveDatabase.open(postgres == null ? "sqlite:" + dir.resolve(kind + ".db") : postgres.url())) {
            var tokens = db.apiTokens();
            var made = tokens.create("web", "deploy", HASH);

            assertThat(tokens.findByHash(HASH)).contains(made);
            assertThat(tokens.findByHash(HASH.replace('9', '8'))).isEmpty();
            assertThat(tokens.list()).containsExactly(made);
            assertThatThrownBy(() -> tokens.create("web", "read", "other")).hasMessage("a token named web exists already");
            assertThatThrownBy(() -> tokens.create("ci", "root", "other")).hasMessageContaining("read, deploy or admin");
            assertThatThrownBy(() -> tokens.create("copy", "read", HASH)).hasMessageNotContaining(HASH);
            assertThat(tokens.delete("web")).isTrue();
            assertThat(tokens.delete("web")).isFalse();
            assertThat(tokens.findByHash(HASH)).isEmpty();
        }
    }

}
