package dev.alive.deploy;

import dev.alive.tasks.SitePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The releases a site keeps under {@code <sites>/<domain>/releases}, newest first, and which one
 * {@code current} points at. Folders starting with '.' (a release being copied) are left out.
 */
public record RetainedReleases(SitePaths paths, List<Release> releases) {

    /** @param madeAt when the release folder was last written (its copy, then its build) */
    public record Release(String id, Instant madeAt, boolean current) {
    }

    public static RetainedReleases of(SitePaths paths) {
        var current = currentId(paths.currentLink());
        var releases = new ArrayList<Release>();
        if (Files.isDirectory(paths.releasesDir())) {
            try (Stream<Path> children = Files.list(paths.releasesDir())) {
                for (var dir : children.filter(Files::isDirectory).toList()) {
                    var id = dir.getFileName().toString();
                    if (!id.startsWith(".")) {
                        releases.add(new Release(id, Files.getLastModifiedTime(dir).toInstant(),
                                current.filter(id::equals).isPresent()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + paths.releasesDir() + ": " + e.getMessage(), e);
            }
        }
        releases.sort(Comparator.comparing(Release::madeAt).thenComparing(Release::id).reversed());
        return new RetainedReleases(paths, List.copyOf(releases));
    }

    public Optional<Release> current() {
        return releases.stream().filter(Release::current).findFirst();
    }

    public Optional<Release> find(String id) {
        return releases.stream().filter(release -> release.id().equals(id)).findFirst();
    }

    /** The newest release that is not the current one: what a rollback without --to returns to. */
    public Optional<Release> previous() {
        return releases.stream().filter(release -> !release.current()).findFirst();
    }

    private static Optional<String> currentId(Path link) {
        try {
            if (!Files.isSymbolicLink(link)) {
                return Optional.empty();
            }
            var target = Files.readSymbolicLink(link).getFileName();
            return Optional.ofNullable(target).map(Path::toString);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
