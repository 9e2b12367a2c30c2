package dev.alive.deploy.legacy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One site's {@code /etc/sites/<slug>.env}, which holds exactly {@code DOMAIN=} and {@code PORT=},
 * mode 0640, group {@code site-<slug>}.
 *
 * @param slug the file's name without {@code .env}, as the as-is scripts named it (never recomputed)
 * @param mode the permission bits in octal
 * @param group the owning group's name on the server
 * @param problems what in the file is not of that shape, with its line
 */
public record EnvFile(Path path, String slug, Optional<String> domain, OptionalInt port, String mode, String group,
                      List<String> problems) {
    public EnvFile {
        problems = List.copyOf(problems);
    }
}
