package dev.alive.deploy.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The instances of the template {@code site@.service} in a systemd unit folder: those enabled
 * ({@code *.wants/site@<slug>.service}) and those with drop-ins ({@code site@<slug>.service.d/*.conf}),
 * sorted by slug, each with its effective directives.
 */
public final class SiteUnits {
    public static final String TEMPLATE = "site@.service";
    private static final String PREFIX = "site@";
    private static final String SUFFIX = ".service";

    private SiteUnits() {
    }

    /** @throws LegacyReadException when instances exist but the template does not, or a file is malformed */
    public static List<UnitInstance> read(Path unitsDir) {
        TreeSet<String> enabled = new TreeSet<>();
        TreeMap<String, List<Path>> dropIns = new TreeMap<>();
        for (Path entry : list(unitsDir)) {
            String name = entry.getFileName().toString();
            if (name.endsWith(".wants") && Files.isDirectory(entry)) {
                list(entry).stream().map(link -> slug(link.getFileName().toString())).flatMap(Optional::stream)
                        .forEach(enabled::add);
            } else if (name.endsWith(SUFFIX + ".d") && Files.isDirectory(entry)) {
                slug(name.substring(0, name.length() - 2)).ifPresent(slug -> dropIns.put(slug, list(entry).stream()
                        .filter(f -> f.getFileName().toString().endsWith(".conf")).sorted().toList()));
            }
        }
        TreeSet<String> slugs = new TreeSet<>(enabled);
        slugs.addAll(dropIns.keySet());
        if (slugs.isEmpty()) {
            return List.of();
        }
        Path templatePath = unitsDir.resolve(TEMPLATE);
        if (!Files.isRegularFile(templatePath)) {
            throw new LegacyReadException(templatePath, "does not exist, but " + slugs.size()
                    + " site@ instances are enabled or have drop-ins", "Give the folder that holds the template unit");
        }
        UnitFile template = UnitFile.read(templatePath);
        List<UnitInstance> instances = new ArrayList<>();
        for (String slug : slugs) {
            List<Path> confs = dropIns.getOrDefault(slug, List.of());
            instances.add(instance(unitsDir, slug, enabled.contains(slug), template, confs));
        }
        return instances;
    }

    private static UnitInstance instance(Path unitsDir, String slug, boolean enabled, UnitFile template,
                                         List<Path> confs) {
        String name = PREFIX + slug + SUFFIX;
        var effective = new EffectiveService();
        effective.apply(template);
        confs.forEach(conf -> effective.apply(UnitFile.read(conf)));
        List<String> problems = new ArrayList<>();
        if (Files.exists(unitsDir.resolve(name))) {
            problems.add(unitsDir.resolve(name) + " replaces the template for this instance");
        }
        if (!enabled) {
            problems.add("it is not enabled (no *.wants/" + name + " link)");
        }
        var specifiers = new Specifiers(slug, name);
        return new UnitInstance(name, slug, enabled, specifiers.fill(effective.user),
                specifiers.fill(effective.workingDirectory),
                effective.environmentFiles.stream().map(specifiers::fill).map(f -> f.startsWith("-") ? f.substring(1) : f)
                        .toList(),
                effective.execStart.stream().map(specifiers::fill).toList(), confs, problems);
    }

    private static final class EffectiveService {
        String user = "";
        String workingDirectory = "";
        final List<String> environmentFiles = new ArrayList<>();
        final List<String> execStart = new ArrayList<>();

        void apply(UnitFile file) {
            for (var directive : file.service()) {
                switch (directive.key()) {
                    case "User" -> user = directive.value();
                    case "WorkingDirectory" -> workingDirectory = directive.value();
                    case "EnvironmentFile" -> listed(environmentFiles, directive.value());
                    case "ExecStart" -> listed(execStart, directive.value());
                    default -> { }
                }
            }
        }

        private static void listed(List<String> values, String value) {
            if (value.isEmpty()) {
                values.clear(); // systemd: an empty assignment resets the list
            } else {
                values.add(value);
            }
        }
    }

    /** The unit specifiers the as-is template uses; any other is left as written. */
    private record Specifiers(String instance, String unitName) {
        String fill(String value) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '%' || i + 1 == value.length()) {
                    out.append(c);
                    continue;
                }
                char s = value.charAt(++i);
                switch (s) {
                    case 'i', 'I' -> out.append(instance);
                    case 'n' -> out.append(unitName);
                    case 'p' -> out.append("site");
                    case '%' -> out.append('%');
                    default -> out.append('%').append(s);
                }
            }
            return out.toString();
        }
    }

    private static Optional<String> slug(String unitName) {
        if (unitName.startsWith(PREFIX) && unitName.endsWith(SUFFIX) && unitName.length() > PREFIX.length() + SUFFIX.length()) {
            return Optional.of(unitName.substring(PREFIX.length(), unitName.length() - SUFFIX.length()));
        }
        return Optional.empty();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
