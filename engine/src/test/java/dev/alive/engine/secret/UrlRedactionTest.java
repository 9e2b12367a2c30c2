package dev.alive.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://user:s3cret@host/db                 | postgresql://user:***@host/db",
        "postgresql://user:s3cret@host:5432/db?ssl=true   | postgresql://user:***@host:5432/db?ssl=true",
        "postgresql://user:p@ss/w:rd?@host:5432/db        | postgresql://user:***@host:5432/db",
        "postgresql://user@host/db                        | postgresql://user@host/db",
        "postgresql://host/db?user=u&password=s3cret&x=1  | postgresql://host/db?user=u&password=***&x=1",
        "postgresql://host/db?PASSWORD=s3cret             | postgresql://host/db?PASSWORD=***",
        "postgresql://host/db?sslmode=require&sslkey=/k   | postgresql://host/db?sslmode=require&sslkey=***",
        "postgresql://host/db?x=1&api_token=t#frag        | postgresql://host/db?x=1&api_token=***#frag",
        "jdbc:postgresql://u:s3cret@host/db               | jdbc:postgresql://u:***@host/db",
        "sqlite:/var/lib/alive/state.db                   | sqlite:/var/lib/alive/state.db",
        "postgresql:                                      | postgresql:",
    })
    void hidesPasswordsButKeepsWhereTheServerIs(String url, String redacted) {
        assertThat(UrlRedaction.redact(url)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "Password", "pass", "pwd", "PWD", "sslpassword", "SSLPassword",
        "sslkey", "passfile", "client_secret", "token"})
    void hidesEverySpellingOfAPasswordParameterInEitherPosition(String name) {
        for (var url : new String[] {"postgresql://u@h/db?" + name + "=s3cret", "postgresql://u@h/db?a=b&" + name + "=s3cret",
            "postgresql://u:s3cret@h/db?" + name + "=s3cret&c=d"}) {
            assertThat(UrlRedaction.redact(url)).as(url).doesNotContain("s3cret").contains("@h/db");
        }
    }
}
