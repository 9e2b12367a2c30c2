package dev.alive.tasks;

import dev.alive.tasks.host.FileEntry;
import dev.alive.tasks.host.MachineFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The releases a site keeps under {@code <sites>/<domain>/releases}, newest first (by the folder's
 * modification time, then by id), and which one {@code current} points at. Folders starting with
 * '.' (a release being copied) and anything that is not a folder are left out.
 */
public record SiteReleases(SitePaths paths, List<Release> releases) {

    /** @param madeAt when the release folder was last written (its copy, then its build) */
    public record Release(String id, Instant madeAt, boolean current) {
    }

    public SiteReleases {
        releases = List.copyOf(releases);
    }

    /** Lists the site's releases on the machine whose files are {@code files}. */
    public static SiteReleases of(SitePaths paths, MachineFiles files) {
        var current = files.readLink(paths.currentLink()).map(Path::getFileName).map(Path::toString);
        var releases = files.list(paths.releasesDir()).stream()
                .filter(entry -> entry.isDirectory() && !entry.name().startsWith("."))
                .map(entry -> release(entry, current))
                .sorted(Comparator.comparing(Release::madeAt).thenComparing(Release::id).reversed())
                .toList();
        return new SiteReleases(paths, releases);
    }

    private static Release release(FileEntry entry, Optional<String> current) {
        return new Release(entry.name(), entry.modified(), current.filter(entry.name()::equals).isPresent());
    }

    public Optional<Release> current() {
        return releases.stream().filter(Release::current).findFirst();
    }

    public Optional<Release> find(String id) {
        return releases.stream().filter(release -> release.id().equals(id)).findFirst();
    }

    /** The newest release that is not the current one: what a rollback without a release returns to. */
    public Optional<Release> previous() {
        return releases.stream().filter(release -> !release.current()).findFirst();
    }
}
