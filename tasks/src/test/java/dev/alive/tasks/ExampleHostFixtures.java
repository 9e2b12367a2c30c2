package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.specs.SpecLoader;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.FileTrees;
import dev.alive.tasks.system.LocalCommandRunner;
import dev.alive.tasks.system.ProcessService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** What the test hosts of tasks and deploy share: copies of the example site, and stopping what a host started. */
public final class ExampleHostFixtures {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String EXAMPLE_DOMAIN = "hello.alive.test";

    private ExampleHostFixtures() {
    }

    /** specs/examples/hello, found by walking up from the working directory. */
    public static Path example() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("specs/examples/hello");
            if (Files.isRegularFile(candidate.resolve("site.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("specs/examples/hello not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * A copy of the example site under {@code workDir/specs/<domain>} (its template copied once),
     * its site.yaml naming {@code domain} and changed by {@code edit}, loaded with {@code environment}.
     */
    public static Site exampleSite(Path workDir, String domain, Map<String, String> environment,
            UnaryOperator<String> edit) {
        var dir = workDir.resolve("specs").resolve(domain);
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir.getParent());
                FileTrees.copy(example(), dir, FileTrees.excluding(Set.of("node_modules", "dist", ".alive"), Set.of()));
            }
            var yaml = Files.readString(example().resolve("site.yaml"))
                    .replace("domain: " + EXAMPLE_DOMAIN, "domain: " + domain);
            var file = dir.resolve("site.yaml");
            Files.writeString(file, edit.apply(yaml));
            return SpecLoader.withEnvironment(environment).loadSite(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local process service behind a pid file under {@code <root>/services}. */
    public static ProcessService service(Path pidFile) {
        var name = pidFile.getFileName().toString();
        return new ProcessService(pidFile, pidFile.resolveSibling(name.substring(0, name.length() - 4) + ".log"));
    }

    /** Stops every app started under the host's root, then its Caddy; reports every failure at once. */
    public static void stopApps(Host host) {
        var problems = new ArrayList<Throwable>();
        var services = host.root().resolve("services");
        if (Files.isDirectory(services)) {
            try (Stream<Path> files = Files.list(services)) {
                for (var pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                    try {
                        service(pidFile).stop();
                    } catch (RuntimeException e) {
                        problems.add(e);
                    }
                }
            } catch (IOException e) {
                problems.add(e);
            }
        }
        var caddy = new Caddy(new LocalCommandRunner(), host.root().resolve("var/lib/alive/caddy"));
        if (caddy.isRunning(host.proxy().adminAddress())) {
            caddy.stop(host.proxy().adminAddress());
        }
        if (!problems.isEmpty()) {
            var error = new IllegalStateException("could not stop every app of the test host " + host.root());
            problems.forEach(error::addSuppressed);
            throw error;
        }
    }
}
