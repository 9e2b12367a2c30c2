package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void valueFingerprintIsTheSha256OfItsUtf8Bytes() {
        assertThat(Fingerprints.ofValue("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void secretFingerprintIsHmacSha256UnderTheKey() {
        // RFC 4231, test case 2
        var key = "Jefe".getBytes(StandardCharsets.UTF_8);

        assertThat(Fingerprints.hmac(key, "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(Fingerprints.hmac("other".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"))
                .isNotEqualTo(Fingerprints.hmac(key, "what do ya want for nothing?"));
    }

    @Test
    void combinedFingerprintIgnoresOrderButNotNamesOrValues() {
        var combined = Fingerprints.combine(Map.of("a", "1", "b", "2"));

        assertThat(Fingerprints.combine(new java.util.LinkedHashMap<>(Map.of("b", "2", "a", "1")))).isEqualTo(combined);
        assertThat(Fingerprints.combine(Map.of("a", "1", "c", "2"))).isNotEqualTo(combined);
        assertThat(Fingerprints.combine(Map.of("a", "1", "b", "3"))).isNotEqualTo(combined);
    }

    @Test
    void combinedFingerprintIsUnambiguous() {
        assertThat(Fingerprints.combine(Map.of("ab", "c"))).isNotEqualTo(Fingerprints.combine(Map.of("a", "bc")));
        assertThat(Fingerprints.combine(Map.of("a", "1\n2:b"))).isNotEqualTo(Fingerprints.combine(Map.of("a", "1", "b", "")));
    }
}
