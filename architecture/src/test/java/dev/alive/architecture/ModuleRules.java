package dev.alive.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which alive module may use which, and a scan of a source tree and a pom for uses that break it. */
final class ModuleRules {

    /** Module folder -> the alive modules (by folder) its code and pom may use, besides itself. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "engine", Set.of(),
            "specs", Set.of("engine"),
            "state", Set.of("engine"),
            "tasks", Set.of("engine", "specs", "state"),
            "deploy", Set.of("engine", "specs", "state", "tasks"),
            "cli", Set.of("engine", "specs", "deploy", "server"),
            "server", Set.of("engine", "specs", "deploy"));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.alive\\.([a-z]+)\\b");
    private static final Pattern ALIVE_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.alive</groupId>\\s*<artifactId>alive-([a-z]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    private ModuleRules() {
    }

    /** Each reference in {@code module}'s main sources to a module it may not use: {@code file:line: uses x}. */
    static List<String> violationsInSources(String module, Path sourceRoot) {
        var allowed = allowed(module);
        var violations = new ArrayList<String>();
        if (!Files.isDirectory(sourceRoot)) {
            return violations;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    var line = lines.get(i);
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    var matcher = REFERENCE.matcher(line);
                    while (matcher.find()) {
                        var used = matcher.group(1);
                        if (!used.equals(module) && !allowed.contains(used)) {
                            violations.add(sourceRoot.relativize(file) + ":" + (i + 1) + ": " + module + " uses " + used
                                    + " (" + line.strip() + ")");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** The alive modules {@code pom} declares (test-jars of allowed modules included) that {@code module} may not use. */
    static Set<String> violationsInPom(String module, String pom) {
        var allowed = allowed(module);
        var violations = new TreeSet<String>();
        var matcher = ALIVE_DEPENDENCY.matcher(pom);
        while (matcher.find()) {
            var used = matcher.group(1);
            if (!allowed.contains(used)) {
                violations.add(used);
            }
        }
        return violations;
    }

    private static Set<String> allowed(String module) {
        var allowed = ALLOWED.get(module);
        if (allowed == null) {
            throw new IllegalArgumentException("module " + module + " is not in ModuleRules.ALLOWED: add it there with"
                    + " the modules it may use");
        }
        return allowed;
    }
}
