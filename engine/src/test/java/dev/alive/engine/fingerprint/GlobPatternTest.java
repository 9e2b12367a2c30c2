package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.fingerprint.GlobPattern.Match;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "node_modules,       node_modules,              MATCHES",
            "node_modules,       node_modules/react/x.js,   MATCHES",
            "node_modules,       src/node_modules,          NONE",
            "**/node_modules,    src/node_modules/x,        MATCHES",
            "**/*.ts,            app.ts,                    MATCHES",
            "**/*.ts,            src/a/b/app.ts,            MATCHES",
            "**/*.ts,            src,                       DESCENDANT_MAY_MATCH",
            "src/**,             src,                       MATCHES",
            "src/**,             src/a/b,                   MATCHES",
            "src/**,             lib,                       NONE",
            "src/**/test/*.ts,   src,                       DESCENDANT_MAY_MATCH",
            "src/**/test/*.ts,   src/test/a.ts,             MATCHES",
            "src/**/test/*.ts,   src/x/y/test/a.ts,         MATCHES",
            "src/**/test/*.ts,   src/x/y/test/a.js,         DESCENDANT_MAY_MATCH",
            "src/*.ts,           src/a/b.ts,                NONE",
            "*.md,               a.md,                      MATCHES",
            "a?.md,              a1.md,                     MATCHES",
            "a?.md,              a12.md,                    NONE",
            "/dist/,             dist/index.html,           MATCHES",
            "./dist,             dist,                      MATCHES",
            "a.b,                axb,                       NONE",
            "[x],                [x],                       MATCHES",
            "**,                 anything/at/all,           MATCHES",
    })
    void matchesAnchoredGlobs(String glob, String path, Match expected) {
        assertThat(GlobPattern.compile(glob).match(path.split("/"))).isEqualTo(expected);
    }

    @Test
    void rejectsAPatternWithoutSegments() {
        assertThatThrownBy(() -> GlobPattern.compile("/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty file pattern");
    }
}
