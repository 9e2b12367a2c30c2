package dev.alive.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's modules depend on each other one way only (see this module's README). */
class ModuleDependenciesTest {

    private static final Path ROOT = repositoryRoot();

    @Test
    void everyModuleOfTheBuildIsKnownToTheRules() throws IOException {
        assertThat(ModuleRules.ALLOWED.keySet()).containsAll(modules());
        assertThat(modules()).contains("engine", "specs", "state", "tasks", "cli");
    }

    @Test
    void mainSourcesUseOnlyTheModulesBelowThem() {
        var violations = new ArrayList<String>();
        for (var module : modules()) {
            violations.addAll(ModuleRules.violationsInSources(module, ROOT.resolve(module).resolve("src/main/java")));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void pomsDeclareOnlyTheModulesBelowThem() throws IOException {
        for (var module : modules()) {
            var pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(ModuleRules.violationsInPom(module, pom)).as(module + "/pom.xml").isEmpty();
        }
    }

    @Test
    void aReferenceUpwardsIsFoundInAnImportAndInAQualifiedName(@TempDir Path sources) throws IOException {
        var file = sources.resolve("dev/alive/state/Leak.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package dev.alive.state;

                import dev.alive.engine.error.AliveException;
                import dev.alive.tasks.SiteCompiler;

                final class Leak {
                    Object cli = dev.alive.cli.Main.class;
                }
                """);

        assertThat(ModuleRules.violationsInSources("state", sources)).containsExactly(
                "dev/alive/state/Leak.java:4: state uses tasks (import dev.alive.tasks.SiteCompiler;)",
                "dev/alive/state/Leak.java:7: state uses cli (Object cli = dev.alive.cli.Main.class;)");
        assertThat(ModuleRules.violationsInSources("engine", sources)).extracting(v -> v.split(" \\(")[0])
                .containsExactly("dev/alive/state/Leak.java:4: engine uses tasks", "dev/alive/state/Leak.java:7: engine uses cli");
    }

    @Test
    void aPomDependencyUpwardsIsFound() {
        var pom = "<dependencies><dependency><groupId>dev.alive</groupId><artifactId>alive-engine</artifactId></dependency>"
                + "<dependency><groupId>dev.alive</groupId><artifactId>alive-state</artifactId></dependency></dependencies>";

        assertThat(ModuleRules.violationsInPom("specs", pom)).containsExactly("state");
        assertThat(ModuleRules.violationsInPom("tasks", pom)).isEmpty();
        assertThatThrownBy(() -> ModuleRules.violationsInPom("plugins", pom)).hasMessageContaining("ModuleRules.ALLOWED");
    }

    /** The modules the parent pom builds, but this one (it holds only these tests). */
    private static List<String> modules() {
        try {
            var parent = Files.readString(ROOT.resolve("pom.xml"));
            var matcher = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
            var modules = new ArrayList<String>();
            while (matcher.find()) {
                if (!matcher.group(1).equals("architecture")) {
                    modules.add(matcher.group(1));
                }
            }
            return modules;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("architecture/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }
}
