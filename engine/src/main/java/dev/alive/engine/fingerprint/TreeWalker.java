package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.Consumer;

/**
 * Lists the entries of a directory tree that a {@link PathFilter} accepts, one lstat per entry,
 * without following symlinks and without descending into directories the filter prunes.
 * Directories are listed in parallel on the given pool. Entries that vanish during the walk are
 * left out.
 */
final class TreeWalker {

    private final PathFilter filter;
    private final ForkJoinPool pool;
    private final Consumer<String> onListing;

    TreeWalker(PathFilter filter, ForkJoinPool pool) {
        this(filter, pool, relativePath -> { });
    }

    /** {@code onListing} hears the relative path of every directory listed (from pool threads). */
    TreeWalker(PathFilter filter, ForkJoinPool pool, Consumer<String> onListing) {
        this.filter = filter;
        this.pool = pool;
        this.onListing = onListing;
    }

    /** The accepted entries below the directory {@code root}, in no particular order. */
    List<TreeEntry> walk(Path root) {
        var rootText = root.toString();
        var prefixLength = rootText.endsWith("/") ? rootText.length() : rootText.length() + 1;
        return pool.invoke(new DirectoryListing(root, "", prefixLength));
    }

    private final class DirectoryListing extends RecursiveTask<List<TreeEntry>> {

        private final Path directory;
        private final String relativePath;
        private final int rootPrefixLength;

        DirectoryListing(Path directory, String relativePath, int rootPrefixLength) {
            this.directory = directory;
            this.relativePath = relativePath;
            this.rootPrefixLength = rootPrefixLength;
        }

        @Override
        protected List<TreeEntry> compute() {
            var entries = new ArrayList<TreeEntry>();
            var subdirectories = new ArrayList<DirectoryListing>();
            onListing.accept(relativePath);
            try (var children = Files.newDirectoryStream(directory)) {
                for (var child : children) {
                    var childPath = child.toString().substring(rootPrefixLength);
                    var entry = TreeEntry.read(child, childPath);
                    if (entry == null) {
                        continue;
                    }
                    if (filter.includes(childPath)) {
                        entries.add(entry);
                    }
                    if (entry.stat().type() == EntryType.DIRECTORY && filter.descendsInto(childPath)) {
                        var listing = new DirectoryListing(child, childPath, rootPrefixLength);
                        listing.fork();
                        subdirectories.add(listing);
                    }
                }
            } catch (NoSuchFileException vanished) {
                return entries;
            } catch (IOException e) {
                throw new TreeFingerprintException(directory, e);
            }
            for (var listing : subdirectories) {
                entries.addAll(listing.join());
            }
            return entries;
        }
    }
}
