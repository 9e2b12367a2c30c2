package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile and broken input corpus in src/test/resources/hostile/: one case per file, its setup
 * and the expected message fragment in cases.tsv. Each case must be refused with a clear
 * {@code file:line:column: message}, must not echo secrets or raw control characters, and must
 * leave the folder it was loaded from unchanged.
 */
class HostileCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final String SECRET = "s3cret";

    @TempDir
    Path work;
    @TempDir
    Path outside;

    record Case(String file, String setup, String expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t+", 3))
                .map(parts -> new Case(parts[0], parts[1], parts[2]));
    }

    @Test
    void everyCorpusFileHasExactlyOneCaseAndThereAreAtLeastForty() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(cases().map(Case::file).sorted().toList()).isEqualTo(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithAClearMessageAndChangesNothing(Case hostile) throws IOException {
        boolean host = hostile.file().startsWith("host-");
        Path spec = work.resolve(host ? "host.yaml" : "site.yaml");
        Files.copy(CORPUS.resolve(hostile.file()), spec);
        Files.createDirectories(work.resolve("template"));
        Files.writeString(work.resolve("template/server.js"), "// server\n");
        setUp(hostile.setup(), spec);
        Map<String, String> before = snapshot(work);

        SpecLoader loader = SpecLoader.withEnvironment(Map.of("PATH", "/nonexistent"));
        String message;
        if (hostile.setup().equals("validate-against-local")) {
            Site site = loader.loadSite(spec);
            List<Problem> problems = loader.validateAgainst(site, HostProfiles.local(work, Map.of()));
            assertThat(problems).isNotEmpty();
            message = String.join("\n", problems.stream().map(Problem::toString).toList());
        } else {
            message = assertThrows(SpecException.class, () -> {
                if (host) {
                    loader.loadHost(spec);
                } else {
                    loader.loadSite(spec);
                }
            }).getMessage();
        }

        assertThat(message).contains(hostile.expected());
        assertThat(message.lines()).allSatisfy(line -> assertThat(line)
                .matches(java.util.regex.Pattern.quote(spec.toString()) + "(:[1-9][0-9]*:[1-9][0-9]*)?: .+"));
        assertThat(message).doesNotContain(SECRET);
        assertThat(message.chars().filter(c -> c < 0x20 && c != '\n')).as("raw control characters").isEmpty();
        assertThat(message).doesNotContain("\u202e");
        assertThat(snapshot(work)).isEqualTo(before);
    }

    private void setUp(String setup, Path spec) throws IOException {
        Path template = work.resolve("template");
        switch (setup) {
            case "-", "validate-against-local" -> { }
            case "pad-10mb" -> {
                byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                        .getBytes(StandardCharsets.UTF_8);
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(spec, StandardOpenOption.APPEND))) {
                    for (int written = 0; written < 10 * 1024 * 1024; written += line.length) {
                        out.write(line);
                    }
                }
            }
            case "invalid-utf8" -> Files.write(spec, new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe, '\n'},
                    StandardOpenOption.APPEND);
            case "bell" -> Files.writeString(spec, Files.readString(spec).replace("@@BELL@@", "\u0007"));
            case "root-to-slash" -> Files.writeString(spec, Files.readString(spec).replace("@@TO_SLASH@@",
                    "../".repeat(work.getNameCount()) + ".."));
            case "template-missing" -> delete(template);
            case "template-file" -> {
                delete(template);
                Files.writeString(template, "I am a file");
            }
            case "template-symlink-outside" -> {
                delete(template);
                Files.createSymbolicLink(template, outside);
            }
            case "template-inner-symlink" -> Files.createSymbolicLink(template.resolve("id_rsa"),
                    Path.of("/root/.ssh/id_rsa"));
            case "app-root-symlink-outside" -> Files.createSymbolicLink(template.resolve("user"), outside);
            case "template-unreadable" -> {
                assumeFalse("root".equals(System.getProperty("user.name")), "root reads every folder");
                Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("---------"));
            }
            default -> throw new IllegalArgumentException("unknown setup " + setup);
        }
    }

    private static void delete(Path template) throws IOException {
        Files.delete(template.resolve("server.js"));
        Files.delete(template);
    }

    /** Path -> type, size, mode and modification time of everything under the folder, links not followed. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(path -> {
                try {
                    var attributes = Files.readAttributes(path, java.nio.file.attribute.PosixFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    String type = attributes.isDirectory() ? "d" : attributes.isSymbolicLink() ? "l" : "f";
                    entries.put(root.relativize(path).toString(), type + " " + attributes.size() + " " + PosixFilePermissions.toString(attributes.permissions())
                            + " " + attributes.lastModifiedTime());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return entries;
    }
}
