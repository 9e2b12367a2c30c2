package dev.alive.deploy.legacy;

import java.nio.file.Path;

/** The symlink {@code <sites root>/<slug>} to a site's domain folder, through which {@code %i/user} resolves. */
public record SlugLink(String slug, Path path, Path target) {
}
