package dev.alive.tasks.site;

import dev.alive.tasks.SitePaths;
import dev.alive.tasks.SiteReleases;
import dev.alive.tasks.host.MachineFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps a site's newest {@code keep} releases, always counting the new one and the live one
 * ({@code current}) among them, and the installed dependencies those releases link to.
 * Everything older is removed for good: it is neither live nor what a rollback returns to.
 */
final class ReleasePruning {

    private final SitePaths paths;
    private final MachineFiles files;
    private final int keep;

    ReleasePruning(SitePaths paths, MachineFiles files, int keep) {
        this.paths = paths;
        this.files = files;
        this.keep = keep;
    }

    /** @return the releases removed, oldest first */
    List<String> prune(String newRelease, Consumer<String> log) {
        var releases = SiteReleases.of(paths, files);
        var kept = new LinkedHashSet<String>();
        kept.add(newRelease);
        releases.current().ifPresent(live -> kept.add(live.id()));
        for (var release : releases.releases()) {
            if (kept.size() < keep) {
                kept.add(release.id());
            }
        }
        var removed = new ArrayList<String>();
        var oldestFirst = new ArrayList<>(releases.releases());
        Collections.reverse(oldestFirst);
        for (var release : oldestFirst) {
            if (!kept.contains(release.id())) {
                files.removeTree(paths.release(release.id()));
                removed.add(release.id());
                log.accept("removed old release " + release.id() + " (keeping " + keep + ")");
            }
        }
        pruneDeps(kept, log);
        return removed;
    }

    /** Dependencies no kept release links to. */
    private void pruneDeps(Set<String> kept, Consumer<String> log) {
        var used = new HashSet<Path>();
        for (var id : kept) {
            var link = paths.release(id).resolve("node_modules");
            files.readLink(link)
                    .ifPresent(target -> used.add(link.getParent().resolve(target).normalize().getParent()));
        }
        for (var entry : files.list(paths.depsDir())) {
            if (entry.isDirectory() && !entry.name().startsWith(".")
                    && !used.contains(paths.deps(entry.name()).normalize())) {
                files.removeTree(paths.deps(entry.name()));
                log.accept("removed dependencies " + entry.name() + ", which no kept release uses");
            }
        }
    }
}
