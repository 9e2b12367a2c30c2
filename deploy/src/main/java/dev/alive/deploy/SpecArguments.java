package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the SPEC|DIR arguments into spec files: a file is taken as it is; a directory holding a
 * {@code site.yaml} is that site; any other directory is a fleet: every {@code site.yaml} one level
 * below it, and its own {@code *.yaml} files.
 */
final class SpecArguments {

    private SpecArguments() {
    }

    static List<Path> resolve(List<Path> arguments, Path workingDir) {
        var files = new ArrayList<Path>();
        for (var argument : arguments) {
            var path = workingDir.resolve(argument).normalize();
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                files.addAll(inDirectory(path));
            } else {
                throw new AliveException(ErrorCategory.FAILED, argument + ": no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new AliveException(ErrorCategory.FAILED, "no site spec found in " + arguments);
        }
        return files;
    }

    private static List<Path> inDirectory(Path dir) {
        var own = dir.resolve("site.yaml");
        if (Files.isRegularFile(own)) {
            return List.of(own);
        }
        try (Stream<Path> children = Files.list(dir)) {
            var found = new ArrayList<Path>();
            for (var child : children.sorted().toList()) {
                if (Files.isRegularFile(child.resolve("site.yaml"))) {
                    found.add(child.resolve("site.yaml"));
                } else if (Files.isRegularFile(child) && child.getFileName().toString().endsWith(".yaml")) {
                    found.add(child);
                }
            }
            if (found.isEmpty()) {
                throw new AliveException(ErrorCategory.FAILED, dir + ": no site.yaml in it or in its subfolders");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
