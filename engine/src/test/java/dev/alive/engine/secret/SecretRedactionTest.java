package dev.alive.engine.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void hidesEveryOccurrenceOfEverySecret() {
        var redaction = SecretRedaction.of(List.of("hunter2", "s3cr3t-token"));

        assertThat(redaction.redact("password=hunter2 token=s3cr3t-token again hunter2"))
                .isEqualTo("password=*** token=*** again ***");
        assertThat(redaction.redact("nothing to hide")).isEqualTo("nothing to hide");
    }

    @Test
    void hidesALongerSecretWholeWhenItContainsAShorterOne() {
        var redaction = SecretRedaction.of(List.of("abc", "xxabcxx"));

        assertThat(redaction.redact("[xxabcxx] [abc]")).isEqualTo("[***] [***]");
    }

    @Test
    void hidesEachLineOfASecretOfSeveralLines() {
        var key = "-----BEGIN KEY-----\nMIIEvQIBADANBg\n-----END KEY-----";
        var redaction = SecretRedaction.of(List.of(key));

        assertThat(redaction.redact("got MIIEvQIBADANBg from the env")).isEqualTo("got *** from the env");
    }

    @Test
    void ignoresEmptyAndMissingValuesAndNeverShowsTheSecrets() {
        var redaction = SecretRedaction.of(Arrays.asList("", null, "hunter2"));

        assertThat(redaction.redact("a b")).isEqualTo("a b");
        assertThat(redaction.toString()).doesNotContain("hunter2").contains("1 secrets");
        assertThat(SecretRedaction.of(List.of())).isSameAs(SecretRedaction.NONE);
        assertThat(SecretRedaction.NONE.redact("hunter2")).isEqualTo("hunter2");
    }

    @Test
    void anErrorWithoutASecretIsPassedOnAsItIs() {
        var error = new IllegalStateException("nothing to hide", new RuntimeException("nor here"));

        assertThat(SecretRedaction.of(List.of("hunter2")).hideIn(error)).isSameAs(error);
        assertThat(SecretRedaction.NONE.hideIn(new IllegalStateException("hunter2"))).hasMessage("hunter2");
    }

    @Test
    void anErrorWithASecretIsCopiedWithItHiddenInItsMessageCausesAndSuppressedErrors() {
        var error = new dev.alive.engine.error.AliveException(dev.alive.engine.error.ErrorCategory.CONFLICT,
                "top hunter2", new IllegalArgumentException("cause hunter2"));
        error.addSuppressed(new RuntimeException("suppressed hunter2"));

        var hidden = SecretRedaction.of(List.of("hunter2")).hideIn(error);

        assertThat(hidden).isInstanceOf(SecretsHiddenException.class).hasMessage("top ***");
        assertThat(((SecretsHiddenException) hidden).category()).isEqualTo(dev.alive.engine.error.ErrorCategory.CONFLICT);
        assertThat(((SecretsHiddenException) hidden).originalType()).isEqualTo(error.getClass().getName());
        assertThat(hidden.getCause()).hasMessage("cause ***");
        assertThat(hidden.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessage("suppressed ***"));
        assertThat(hidden.getStackTrace()).isEqualTo(error.getStackTrace());
        var trace = new java.io.StringWriter();
        hidden.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("hunter2");
    }
}
