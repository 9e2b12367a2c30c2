package dev.alive.specs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A temporary folder holding a spec and its template, for loader tests. */
final class SpecFolder {

    static final String VALID = """
            apiVersion: alive/v1
            kind: Site
            domain: hello.alive.test
            owner:
              email: owner@example.com
            template: ./template
            app:
              start: node server.js
            """;

    private final Path folder;
    private final Map<String, String> environment = new HashMap<>(Map.of("API_KEY", "k-123", "PATH", "/nonexistent"));

    SpecFolder(Path folder) {
        this.folder = folder;
        createDirectory("template");
        write("template/server.js", "// server\n");
    }

    Path folder() {
        return folder;
    }

    SpecFolder env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    SpecLoader loader() {
        return SpecLoader.withEnvironment(environment);
    }

    Path write(String relative, String content) {
        try {
            Path file = folder.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path createDirectory(String relative) {
        try {
            return Files.createDirectories(folder.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Site load(String yaml) {
        return loader().loadSite(write("site.yaml", yaml));
    }

    /** The problems of a spec that must not load, rendered as "line:column: message". */
    java.util.List<String> problems(String yaml) {
        Path file = write("site.yaml", yaml);
        try {
            loader().loadSite(file);
        } catch (SpecException e) {
            return e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
        }
        throw new AssertionError("expected the spec to be refused:\n" + yaml);
    }
}
