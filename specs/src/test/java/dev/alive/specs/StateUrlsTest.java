package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://user:s3cret@host/db                 | postgresql://user:***@host/db",
        "postgresql://user:s3cret@host:5432/db?ssl=true   | postgresql://user:***@host:5432/db?ssl=true",
        "postgresql://user:p@ss/w:rd@host/db              | postgresql://user:***@host/db",
        "postgresql://user@host/db                        | postgresql://user@host/db",
        "postgresql://host/db?user=u&password=s3cret&x=1  | postgresql://host/db?user=u&password=***&x=1",
        "postgresql://host/db?PASSWORD=s3cret             | postgresql://host/db?PASSWORD=***",
        "sqlite:/var/lib/alive/state.db                   | sqlite:/var/lib/alive/state.db",
    })
    void redactsPasswordsButKeepsTheRest(String url, String redacted) {
        assertThat(StateUrls.redact(url)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite:state.db                     | sqlite:/r/state.db",
        "sqlite:/abs/state.db                | sqlite:/abs/state.db",
        "postgres://u:p@h:5432/db            | postgresql://u:p@h:5432/db",
        "jdbc:postgresql://h/db              | postgresql://h/db",
        "postgresql://u:p@[::1]:5432/db      | postgresql://u:p@[::1]:5432/db",
        "postgresql://                       | postgresql://",
        "postgres://                         | postgresql://",
        "postgresql:                         | postgresql:",
        "postgres:                           | postgresql:",
    })
    void putsAcceptedStatesInCanonicalForm(String written, String canonical) {
        assertThat(StateUrls.canonical(written, Path.of("/r")).value()).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite:                       | names no database file",
        "sqlite:../../x.db             | leaves the root /r",
        "postgresql://u:s3cret@h       | names no database",
        "postgresql://u:s3cret@h:port/d| has an invalid port",
        "state.db                      | write 'sqlite:state.db'",
        "redis://h                     | is not a state store alive knows",
    })
    void explainsRefusedStatesWithoutThePassword(String written, String fragment) {
        StateUrls.Result result = StateUrls.canonical(written, Path.of("/r"));
        assertThat(result.value()).isEmpty();
        assertThat(result.problem()).hasValueSatisfying(message -> {
            assertThat(message).contains(fragment);
            assertThat(message).doesNotContain("s3cret");
        });
    }
}
