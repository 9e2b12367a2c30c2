package dev.alive.engine.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 fingerprints of values, in lower-case hex. A value's fingerprint is the plain SHA-256
 * of its UTF-8 bytes (what {@code printf %s value | sha256sum} prints); secrets are digested with
 * HMAC-SHA256 under a store's key so a stored fingerprint reveals nothing about them.
 */
public final class Fingerprints {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SECRET_PREFIX = "hmac:";

    private Fingerprints() {
    }

    /** The fingerprint of a plain value. */
    public static String ofValue(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fingerprint of a secret as alive records it: {@code hmac:} and the hex HMAC-SHA256 of its
     * UTF-8 bytes under {@code key}. Without the key it reveals nothing, not even to a dictionary.
     */
    public static String ofSecret(byte[] key, String secret) {
        return marked(hmac(key, secret));
    }

    /** A hex HMAC as a secret's fingerprint. */
    static String marked(String hmacHex) {
        return SECRET_PREFIX + hmacHex;
    }

    /** True for a fingerprint made by {@link #ofSecret} (or a secret tree's). */
    public static boolean isSecret(String fingerprint) {
        return fingerprint.startsWith(SECRET_PREFIX);
    }

    /** The hex HMAC-SHA256 of a secret's UTF-8 bytes under {@code key}. */
    public static String hmac(byte[] key, String secret) {
        return hex(newHmac(key).doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    static Mac newHmac(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    /**
     * One fingerprint for named fingerprints (e.g. all inputs of a task): order-independent, as the
     * names are sorted, and unambiguous, as every name and value is length-prefixed.
     */
    public static String combine(Map<String, String> named) {
        var text = new StringBuilder("alive-combine-v1\n");
        new TreeMap<>(named).forEach((name, value) -> text
                .append(name.length()).append(':').append(name)
                .append(value.length()).append(':').append(value).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The plain SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return hex(newSha256().digest(bytes));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }
}
