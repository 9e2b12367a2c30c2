package dev.alive.tasks.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The Linux users of a machine: the site users ({@code site-<slug>}) and the one alive runs as. */
public interface LinuxUsers {
    /** The longest user name useradd accepts. */
    int MAX_NAME_LENGTH = 32;

    /**
     * {@code site-<slug>}; when longer than 32 characters, cut and suffixed with {@code -} and the
     * first 8 hex digits of the slug's SHA-256, so distinct long slugs stay distinct and stable.
     */
    static String userName(String slug) {
        String name = "site-" + slug;
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        String hash = sha256Hex(slug).substring(0, 8);
        String cut = name.substring(0, MAX_NAME_LENGTH - hash.length() - 1).replaceAll("-+$", "");
        return cut + "-" + hash;
    }

    /**
     * Makes sure the system user {@code name} exists (nologin shell, home {@code home}, not
     * created, own group). Returns true when this call created it, false when it was already there.
     */
    boolean ensure(String name, Path home);

    /** Deletes the user (and its group); true when it existed. */
    boolean delete(String name);

    Optional<LinuxUser> lookup(String name);

    /** The user alive itself runs as, which runs the sites of a host with {@code users: none}. */
    LinuxUser aliveUser();

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
