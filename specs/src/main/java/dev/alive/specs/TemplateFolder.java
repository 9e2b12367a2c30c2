package dev.alive.specs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where a site's template may come from. The rule: the template's real path (symlinks resolved)
 * must lie inside the spec file's folder tree, or inside a folder listed in the
 * {@value #ROOTS_VARIABLE} environment variable (separated by the path separator). It must be a
 * readable folder, and no symlink inside it may point outside it. {@code app.root} must name a
 * folder inside the template, by the same rule.
 */
final class TemplateFolder {

    static final String ROOTS_VARIABLE = "ALIVE_TEMPLATE_ROOTS";

    private final Path specFolder;
    private final List<Path> allowedRoots;
    private final Function<Path, List<String>> escapingLinks;

    private TemplateFolder(Path specFolder, List<Path> allowedRoots, Function<Path, List<String>> escapingLinks) {
        this.specFolder = specFolder;
        this.allowedRoots = allowedRoots;
        this.escapingLinks = escapingLinks;
    }

    /**
     * @param specFolder the real path of the folder holding the spec file
     * @param escapingLinks {@link TemplateLinks#escaping}, or a cache of it shared by a fleet's specs
     */
    static TemplateFolder of(Path specFolder, Map<String, String> environment,
            Function<Path, List<String>> escapingLinks) {
        List<Path> roots = new ArrayList<>();
        roots.add(specFolder);
        String listed = environment.getOrDefault(ROOTS_VARIABLE, "");
        for (String entry : listed.split(File.pathSeparator)) {
            try {
                Path root = Path.of(entry.trim());
                if (!entry.isBlank() && root.isAbsolute() && Files.isDirectory(root)) {
                    roots.add(root.toRealPath());
                }
            } catch (InvalidPathException | IOException e) {
                // an unusable entry allows nothing
            }
        }
        return new TemplateFolder(specFolder, List.copyOf(roots), escapingLinks);
    }

    Optional<Path> resolve(ScalarNode node, Problems problems) {
        String value = node.getValue();
        String shown = "template " + Texts.quote(value);
        Optional<Path> candidate = path(value, node, "template", problems).map(p -> specFolder.resolve(p).normalize());
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        Path path = candidate.get();
        String stayInside = "keep the template inside " + Texts.plain(specFolder) + ", or list its parent folder in "
                + ROOTS_VARIABLE;
        if (!isAllowed(path)) {
            problems.at(node, shown + " leaves the spec's folder (it resolves to " + Texts.plain(path) + "); "
                    + stayInside);
            return Optional.empty();
        }
        if (!checkFolder(path, shown, node, problems)) {
            return Optional.empty();
        }
        Path real = realPath(path);
        if (!isAllowed(real)) {
            problems.at(node, shown + " leads outside the spec's folder through a symlink (to "
                    + Texts.plain(real) + "); " + stayInside);
            return Optional.empty();
        }
        List<String> escaping = escapingLinks.apply(real);
        if (!escaping.isEmpty()) {
            problems.at(node, shown + " contains " + String.join(", ", escaping)
                    + "; a template must not point outside itself: replace the link with the file itself");
            return Optional.empty();
        }
        return Optional.of(real);
    }

    /** The app folder relative to the template, normalised ("." for the template itself). */
    Optional<String> appRoot(Path template, ScalarNode node, Problems problems) {
        String value = node.getValue();
        String shown = "app.root " + Texts.quote(value);
        Optional<Path> relative = path(value, node, "app.root", problems);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        if (relative.get().isAbsolute()) {
            problems.at(node, shown + " must be relative to the template, e.g. '.' or 'user'");
            return Optional.empty();
        }
        Path path = template.resolve(relative.get()).normalize();
        if (!path.startsWith(template)) {
            problems.at(node, shown + " leaves the template; name a folder inside it, e.g. '.' or 'user'");
            return Optional.empty();
        }
        if (!checkFolder(path, shown, node, problems)) {
            return Optional.empty();
        }
        if (!realPath(path).startsWith(template)) {
            problems.at(node, shown + " leads outside the template through a symlink; name a real folder inside it");
            return Optional.empty();
        }
        String inside = template.relativize(path).toString();
        return Optional.of(inside.isEmpty() ? "." : inside);
    }

    private static Optional<Path> path(String value, ScalarNode node, String name, Problems problems) {
        if (value.isBlank()) {
            problems.at(node, name + " is empty; write a folder relative to this file, e.g. ./template");
        } else if (Texts.hasControlCharacter(value)) {
            problems.at(node, name + " " + Texts.quote(value) + " contains control characters; write a plain path");
        } else {
            try {
                return Optional.of(Path.of(value));
            } catch (InvalidPathException e) {
                problems.at(node, name + " " + Texts.quote(value) + " is not a valid path: " + e.getReason());
            }
        }
        return Optional.empty();
    }

    private static boolean checkFolder(Path path, String shown, ScalarNode node, Problems problems) {
        if (!Files.exists(path)) {
            String suggestion = similarSibling(path).map(s -> "; did you mean " + Texts.quote(s) + "?").orElse("");
            problems.at(node, shown + " does not exist (looked for " + Texts.plain(path) + ")" + suggestion);
        } else if (!Files.isDirectory(path)) {
            problems.at(node, shown + " is a file; it must be a folder (" + Texts.plain(path) + ")");
        } else if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            problems.at(node, shown + " is not readable by this user (" + Texts.plain(path)
                    + "); check its permissions");
        } else {
            return true;
        }
        return false;
    }

    private static Optional<String> similarSibling(Path path) {
        Path parent = path.getParent();
        if (parent == null || path.getFileName() == null || !Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            List<String> names = siblings.filter(Files::isDirectory).limit(1000)
                    .map(p -> p.getFileName().toString()).toList();
            return DidYouMean.closest(path.getFileName().toString(), names);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean isAllowed(Path path) {
        return allowedRoots.stream().anyMatch(path::startsWith);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path + " after checking it exists", e);
        }
    }
}
