package dev.alive.deploy.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A file's mode and numeric owner, read without following a symlink. Owners are numbers, named
 * through the server's own passwd and group ({@link SystemAccounts}), not this JVM's.
 *
 * @param mode the permission bits in octal, {@code 640}
 */
record FileFacts(String mode, int uid, int gid) {

    static FileFacts of(Path path) {
        try {
            var attributes = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
            return new FileFacts(Integer.toOctalString((Integer) attributes.get("mode") & 07777),
                    (Integer) attributes.get("uid"), (Integer) attributes.get("gid"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + path, e);
        }
    }
}
