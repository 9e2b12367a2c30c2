package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BcryptPasswordsTest {
    private final BcryptPasswords passwords = new BcryptPasswords();

    @Test
    void hashesWithCostTwelveAndVerifiesItsOwnHash() {
        String hash = passwords.hash("correct horse battery staple");

        assertThat(hash).startsWith("$2a$12$").hasSize(60);
        assertThat(passwords.verify("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(new BcryptPasswords(4).hash("same")).isNotEqualTo(new BcryptPasswords(4).hash("same"));
    }

    @Test
    void verifiesA2bHashMadeByNodeBcrypt() {
        // made with bcryptjs 3.0.3 on node 20: hashSync("s3cret-from-node", 12)
        String fromNode = "$2b$12$VhVfPj1ppyioT2UbrI0T/eFyqfZzjkgdmxgWGipfkmv8USEtFDhn6";

        assertThat(passwords.verify("s3cret-from-node", fromNode)).isTrue();
        assertThat(passwords.verify("s3cret-from-nod", fromNode)).isFalse();
    }

    @Test
    void verifiesANonAsciiPasswordHashedByNodeBcrypt() {
        // bcryptjs 3.0.3: hashSync("ünïcödé pässwörd", 10), UTF-8 like jBCrypt
        assertThat(passwords.verify("ünïcödé pässwörd",
                "$2b$10$Q043yjvX7GQaZDUmrC9nFexQHVSVwm8LyeTQyDOJOTT5I.IrhbV.C")).isTrue();
    }

    @Test
    void verifiesPublishedVectorsWithEachPrefix() {
        // OpenWall crypt_blowfish test vector, the same under $2a$ and $2b$ (also checked with libxcrypt)
        assertThat(passwords.verify("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).isTrue();
        assertThat(passwords.verify("U*U", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).isTrue();
        // the PHP manual's password_verify example
        assertThat(passwords.verify("rasmuslerdorf", "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a")).isTrue();
        assertThat(passwords.verify("rasmuslerdorF", "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a")).isFalse();
    }

    @Test
    void verifiesAJbcryptHashRewrittenToTheNodePrefix() {
        String hash = new BcryptPasswords(4).hash("swap me");

        assertThat(passwords.verify("swap me", "$2b$" + hash.substring(4))).isTrue();
        assertThat(passwords.verify("swap me", "$2y$" + hash.substring(4))).isTrue();
    }

    @Test
    void refusesSomethingThatIsNotABcryptHashWithoutEchoingIt() {
        assertThatThrownBy(() -> passwords.verify("pw", "$1$md5-secret-hash"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("md5-secret-hash");
        assertThatThrownBy(() -> passwords.verify("pw", "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsWhenAHashIsWeakerThanTheDefaultCost() {
        assertThat(BcryptPasswords.isWeakerThanDefault("$2b$10$Q043yjvX7GQaZDUmrC9nFexQHVSVwm8LyeTQyDOJOTT5I.IrhbV.C")).isTrue();
        assertThat(BcryptPasswords.isWeakerThanDefault("$2a$12$" + "a".repeat(53))).isFalse();
    }
}
