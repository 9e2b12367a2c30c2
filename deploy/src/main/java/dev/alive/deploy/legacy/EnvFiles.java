package dev.alive.deploy.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** The env files of a server's sites ({@code <envDir>/<slug>.env}), sorted by slug. */
public final class EnvFiles {
    private EnvFiles() {
    }

    /** An empty list when the folder does not exist (a server with no site yet). */
    public static List<EnvFile> read(Path envDir, SystemAccounts accounts) {
        if (!Files.isDirectory(envDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".env") && Files.isRegularFile(f)).sorted()
                    .map(f -> readOne(f, accounts)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + envDir, e);
        }
    }

    static EnvFile readOne(Path file, SystemAccounts accounts) {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new LegacyReadException(file, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check its permissions");
        }
        Optional<String> domain = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("DOMAIN=") && domain.isEmpty()) {
                domain = Optional.of(line.substring("DOMAIN=".length())).filter(d -> !d.isEmpty());
            } else if (line.startsWith("PORT=") && port.isEmpty()) {
                port = portOf(line.substring("PORT=".length()));
                if (port.isEmpty()) {
                    problems.add("line " + (i + 1) + ": PORT is not a number");
                }
            } else {
                // never the line itself: an env file may hold a value that must not be printed
                int equals = line.indexOf('=');
                problems.add("line " + (i + 1) + ": " + (equals > 0 ? "holds " + line.substring(0, equals)
                        : "is not NAME=value") + ", besides DOMAIN and PORT");
            }
        }
        if (domain.isEmpty()) {
            problems.add("has no DOMAIN=");
        }
        if (port.isEmpty() && problems.stream().noneMatch(p -> p.contains("PORT"))) {
            problems.add("has no PORT=");
        }
        FileFacts facts = FileFacts.of(file);
        return new EnvFile(file, name.substring(0, name.length() - ".env".length()), domain, port, facts.mode(),
                accounts.groupName(facts.gid()), problems);
    }

    private static OptionalInt portOf(String text) {
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
