package dev.alive.specs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Finds symlinks inside a template that point outside it (a way to copy /etc/shadow into a site). */
final class TemplateLinks {

    static final int MAX_ENTRIES = 200_000;
    static final int MAX_REPORTED = 3;

    private TemplateLinks() {
    }

    /** Descriptions of the escaping links (at most {@value #MAX_REPORTED}); empty when there are none. */
    static List<String> escaping(Path template) {
        List<String> found = new ArrayList<>();
        int[] visited = {0};
        try {
            Files.walkFileTree(template, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) {
                        String escape = escapes(file, template);
                        if (escape != null) {
                            found.add(escape);
                        }
                    }
                    return ++visited[0] > MAX_ENTRIES || found.size() >= MAX_REPORTED
                            ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add("the unreadable entry " + Texts.quote(template.relativize(file).toString()));
                    return found.size() >= MAX_REPORTED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add("an entry that cannot be read (" + e.getMessage() + ")");
        }
        return found;
    }

    private static String escapes(Path link, Path template) {
        String name = Texts.quote(template.relativize(link).toString());
        try {
            Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            Path real = Files.exists(link) ? link.toRealPath() : target;
            return real.startsWith(template) ? null : "the symlink " + name + " pointing outside the template (to "
                    + Texts.plain(real) + ")";
        } catch (IOException e) {
            return "the symlink " + name + " that cannot be read";
        }
    }
}
