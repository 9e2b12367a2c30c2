package dev.alive.deploy.legacy;

import java.nio.file.Path;

/**
 * A site's folder {@code <sites root>/<domain>/} (mode 750, owner {@code site-<slug>}, the app in
 * {@code user/}).
 *
 * @param mode the permission bits in octal
 * @param owner the owning user's name on the server
 */
public record Workspace(String domain, Path path, String mode, String owner, boolean hasApp) {

    public Path appDir() {
        return path.resolve("user");
    }
}
