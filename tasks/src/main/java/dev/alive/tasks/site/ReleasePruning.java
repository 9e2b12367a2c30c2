package dev.alive.tasks.site;

import dev.alive.tasks.SitePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps a site's newest {@code keep} releases, always counting the new one and the live one
 * ({@code current}) among them, and the installed dependencies those releases link to.
 * Everything older is removed for good: it is neither live nor what a rollback returns to.
 */
final class ReleasePruning {

    private final SitePaths paths;
    private final int keep;

    ReleasePruning(SitePaths paths, int keep) {
        this.paths = paths;
        this.keep = keep;
    }

    /** @return the releases removed */
    List<String> prune(String newRelease, Consumer<String> log) {
        var releases = list(paths.releasesDir());
        var kept = new LinkedHashSet<String>();
        kept.add(newRelease);
        live().ifPresent(kept::add);
        releases.stream().sorted(Comparator.comparing(this::modified).reversed())
                .forEach(id -> {
                    if (kept.size() < keep) {
                        kept.add(id);
                    }
                });
        var removed = new ArrayList<String>();
        for (var id : releases) {
            if (!kept.contains(id)) {
                ReleaseTask.deleteIfPresent(paths.release(id));
                removed.add(id);
                log.accept("removed old release " + id + " (keeping " + keep + ")");
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
            try {
                if (Files.isSymbolicLink(link)) {
                    used.add(link.getParent().resolve(Files.readSymbolicLink(link)).normalize().getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + link, e);
            }
        }
        for (var id : list(paths.depsDir())) {
            var deps = paths.deps(id);
            if (!used.contains(deps.normalize())) {
                ReleaseTask.deleteIfPresent(deps);
                log.accept("removed dependencies " + id + ", which no kept release uses");
            }
        }
    }

    private Optional<String> live() {
        try {
            var link = paths.currentLink();
            return Files.isSymbolicLink(link)
                    ? Optional.of(Files.readSymbolicLink(link).getFileName().toString()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private FileTime modified(String id) {
        try {
            return Files.getLastModifiedTime(paths.release(id), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The folders in {@code dir}, without the hidden ones (staging copies). */
    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))
                    .map(child -> child.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
