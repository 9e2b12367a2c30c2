package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform's template, {@code examples/vite-react}: it loads cleanly, its tools come from its
 * own node_modules (never a global install), and every version is pinned by package.json and the
 * committed package-lock.json.
 */
class ViteReactExampleTest {

    static final Path EXAMPLE = Path.of("examples/vite-react");

    @Test
    void loadsWithItsToolsTakenFromTheInstalledDependencies() throws Exception {
        Path spec = EXAMPLE.resolve("site.yaml");

        Site site = SpecLoader.withEnvironment(Map.of()).loadSite(spec);

        assertThat(site.domain()).isEqualTo("vite-react.alive.test");
        assertThat(site.app().install()).contains("npm ci --no-audit --no-fund");
        assertThat(site.app().build()).contains(new Site.Build("./node_modules/.bin/bun run build", List.of("dist")));
        assertThat(site.app().start()).isEqualTo("./node_modules/.bin/bun server.ts");
        assertThat(site.health().path()).isEqualTo("/health");
        assertThat(site.template().resolve("server.ts")).isRegularFile();
        assertThat(site.template().resolve("index.html")).content().contains("<div id=\"root\"></div>");
        String firstLine = Files.readAllLines(spec).get(0);
        assertThat(spec.getParent().resolve(firstLine.substring(firstLine.indexOf('=') + 1))).isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void pinsEveryDirectDependencyExactlyAndLocksBunWithItsLinuxBinary() throws Exception {
        var template = EXAMPLE.resolve("template");
        Map<String, Object> manifest = json(template.resolve("package.json"));
        Map<String, Object> lock = json(template.resolve("package-lock.json"));
        var packages = (Map<String, Map<String, Object>>) lock.get("packages");

        for (var section : List.of("dependencies", "devDependencies")) {
            var pins = (Map<String, String>) manifest.get(section);
            pins.forEach((name, version) -> {
                assertThat(version).as("%s %s in package.json", section, name).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
                assertThat(packages.get("node_modules/" + name)).as("%s in package-lock.json", name)
                        .containsEntry("version", version);
            });
        }
        assertThat(((Map<String, String>) manifest.get("dependencies"))).containsEntry("bun", "1.4.5")
                .containsKeys("react", "react-dom");
        assertThat(((Map<String, String>) manifest.get("devDependencies"))).containsKeys("vite", "typescript");
        assertThat(packages.get("node_modules/@oven/bun-linux-x64")).containsEntry("version", "1.4.5")
                .containsKey("integrity");
        assertThat((Map<String, Object>) manifest.get("allowScripts")).as("install scripts npm may run")
                .isEqualTo(Map.of("bun", true, "esbuild", true));
        assertThat(packages.get("")).containsEntry("dependencies", manifest.get("dependencies"))
                .containsEntry("devDependencies", manifest.get("devDependencies"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) TinyJson.parse(Files.readString(file));
    }
}
