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
 * Everything older is removed for good: it is neither live nor what a rollback returns to. So are
 * staging folders ({@code .<id>.tmp}) that a dead run left half-copied: the site's lock is held
 * while this runs, so no other run is copying into one.
 *
 * <p>{@link #leftovers} names what {@link #prune} would remove, so the release task reports it as
 * drift: a run that died after making a release and before pruning (or while pruning), or a lower
 * {@code keepReleases}, is caught up by the next apply, even one where nothing else changed.
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

    /** The release folders and staging folders {@link #prune} would remove, oldest release first. */
    List<String> leftovers(String newRelease) {
        var releases = SiteReleases.of(paths, files);
        var kept = kept(releases, newRelease);
        var leftovers = new ArrayList<String>();
        var oldestFirst = new ArrayList<>(releases.releases());
        Collections.reverse(oldestFirst);
        for (var release : oldestFirst) {
            if (!kept.contains(release.id())) {
                leftovers.add(release.id());
            }
        }
        leftovers.addAll(stagingFolders());
        return leftovers;
    }

    /** @return the releases and staging folders removed, oldest release first */
    List<String> prune(String newRelease, Consumer<String> log) {
        var releases = SiteReleases.of(paths, files);
        var kept = kept(releases, newRelease);
        var removed = new ArrayList<String>();
        for (var id : leftovers(newRelease)) {
            files.removeTree(paths.release(id));
            removed.add(id);
            log.accept(id.startsWith(".") ? "removed " + id + ", left half-copied by an interrupted run"
                    : "removed old release " + id + " (keeping " + keep + ")");
        }
        pruneDeps(kept, log);
        return removed;
    }

    private Set<String> kept(SiteReleases releases, String newRelease) {
        var kept = new LinkedHashSet<String>();
        kept.add(newRelease);
        releases.current().ifPresent(live -> kept.add(live.id()));
        for (var release : releases.releases()) {
            if (kept.size() < keep) {
                kept.add(release.id());
            }
        }
        return kept;
    }

    /** Folders {@code .<id>.tmp}: a release being copied, which only the run holding the site's lock does. */
    private List<String> stagingFolders() {
        return files.list(paths.releasesDir()).stream()
                .filter(entry -> entry.isDirectory() && entry.name().startsWith(".") && entry.name().endsWith(".tmp"))
                .map(entry -> entry.name())
                .sorted()
                .toList();
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
