package dev.alive.tasks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A minimal root for {@code useradd --prefix}: etc/passwd, group, shadow, gshadow, login.defs. */
final class PrefixRoot {
    private PrefixRoot() {
    }

    static Path create(Path root) throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\n");
        Files.setPosixFilePermissions(etc.resolve("shadow"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(etc.resolve("gshadow"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(etc.resolve("login.defs"),
                "SYS_UID_MIN 100\nSYS_UID_MAX 999\nSYS_GID_MIN 100\nSYS_GID_MAX 999\nUSERGROUPS_ENAB yes\n");
        return root;
    }
}
