package dev.alive.tasks.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt password hashes over jBCrypt 0.4. New hashes have cost 12 and jBCrypt's {@code $2a$}
 * prefix, which every bcrypt reader accepts. Stored hashes with {@code $2a$}, {@code $2b$}
 * (Node/Bun bcrypt, the existing fleet) or {@code $2y$} (PHP) all verify: the three differ only
 * in the prefix for passwords under 72 bytes, so the prefix is normalised to {@code $2a$}, which
 * is all jBCrypt reads. Neither passwords nor hashes ever appear in an exception message.
 */
public final class BcryptPasswords {
    public static final int COST = 12;
    private static final Pattern HASH = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private final int cost;

    public BcryptPasswords() {
        this(COST);
    }

    /** A lower cost is for tests only. */
    BcryptPasswords(int cost) {
        this.cost = cost;
    }

    /** A new salted hash of {@code password}. */
    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    /**
     * Whether {@code password} matches {@code storedHash}, compared in constant time.
     *
     * @throws IllegalArgumentException when {@code storedHash} is not a bcrypt hash
     */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null || !HASH.matcher(storedHash).matches()) {
            throw new IllegalArgumentException("stored password hash is not a $2a$/$2b$/$2y$ bcrypt hash");
        }
        String normalised = "$2a$" + storedHash.substring(4);
        String computed = BCrypt.hashpw(password, normalised);
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                normalised.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code storedHash} was made with a cost below {@link #COST} (a rehash is due). */
    public static boolean isWeakerThanDefault(String storedHash) {
        return Integer.parseInt(storedHash.substring(4, 6)) < COST;
    }
}
