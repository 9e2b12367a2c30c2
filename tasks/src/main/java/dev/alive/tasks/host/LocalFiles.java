package dev.alive.tasks.host;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.tasks.system.FileOps;
import dev.alive.tasks.system.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The files of this machine, through {@code java.nio.file}. */
public final class LocalFiles implements MachineFiles {

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public Optional<Path> readLink(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (NotLinkException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: as good as no link for every caller
        }
    }

    @Override
    public Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> lastLines(Path file, int lines) {
        return FileOps.lastLines(file, lines);
    }

    @Override
    public List<FileEntry> list(Path dir) {
        var entries = new ArrayList<FileEntry>();
        try (var children = Files.newDirectoryStream(dir)) {
            for (var child : children) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // removed while listed (a release pruned by another run): not there
                }
                entries.add(new FileEntry(child.getFileName().toString(), kind(attributes),
                        attributes.lastModifiedTime().toInstant()));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(FileEntry::name));
        return List.copyOf(entries);
    }

    private static FileEntry.Kind kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return FileEntry.Kind.SYMLINK;
        }
        if (attributes.isDirectory()) {
            return FileEntry.Kind.DIRECTORY;
        }
        return attributes.isRegularFile() ? FileEntry.Kind.FILE : FileEntry.Kind.OTHER;
    }

    @Override
    public void write(Path file, byte[] content, FileAccess access) {
        FileOps.writeAtomically(file, content, access.permissions(), access.uid(), access.gid());
    }

    @Override
    public void makeDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void makeDirectories(Path dir, FileAccess access) {
        try {
            Files.createDirectories(dir);
            if (Files.isSymbolicLink(dir)) { // a site's user can put one there; its target is not alive's to change
                throw new AliveException(ErrorCategory.FAILED, "cannot create " + dir + ": a symbolic link is in"
                        + " its place (to " + Files.readSymbolicLink(dir) + "); remove it and apply again");
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(access.permissions()));
            FileOps.chown(dir, access.uid(), access.gid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void copyTree(Path from, Path to, TreeExcludes excludes) {
        FileTrees.copy(from, to, FileTrees.excluding(excludes.namesAnywhere(), excludes.topLevelPaths()));
    }

    @Override
    public void moveAtomically(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void symlink(Path link, Path target) {
        FileOps.swapSymlink(link, target);
    }

    @Override
    public boolean remove(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean removeTree(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException e) {
            FileTrees.delete(path);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void ownTree(Path root, int uid, int gid) {
        FileTrees.chown(root, uid, gid);
    }

    @Override
    public void restrictTree(Path root) {
        try (var paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                var modes = Files.getPosixFilePermissions(path);
                if (Files.isDirectory(path)) {
                    modes = PosixFilePermissions.fromString("rwxr-x---");
                } else {
                    modes.remove(PosixFilePermission.OTHERS_READ);
                    modes.remove(PosixFilePermission.OTHERS_WRITE);
                    modes.remove(PosixFilePermission.OTHERS_EXECUTE);
                    modes.remove(PosixFilePermission.GROUP_WRITE);
                }
                Files.setPosixFilePermissions(path, modes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot narrow the modes in " + root + ": " + e.getMessage(), e);
        }
    }
}
