package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.specs.Site.EnvValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSpecLoadingTest {

    @TempDir
    Path dir;

    @Test
    void fillsInDefaultsForAMinimalSpec() throws Exception {
        Site site = new SpecFolder(dir).load(SpecFolder.VALID);

        assertThat(site.specFile()).isEqualTo(dir.resolve("site.yaml").toAbsolutePath());
        assertThat(site.domain()).isEqualTo("hello.alive.test");
        assertThat(site.owner()).isEqualTo(new Site.Owner("owner@example.com", "owner@example.com's Organization"));
        assertThat(site.template()).isEqualTo(dir.resolve("template").toRealPath());
        assertThat(site.app()).isEqualTo(new Site.App(".", java.util.Optional.empty(), java.util.Optional.empty(),
                "node server.js", java.util.Map.of()));
        assertThat(site.health()).isEqualTo(new Site.Health("/", Duration.ofSeconds(30)));
        assertThat(site.port()).isEqualTo(new Site.Port.Auto());
        assertThat(site.slug()).isEqualTo("hello-alive-test");
    }

    @Test
    void readsEveryKeyOfAFullSpec() {
        SpecFolder folder = new SpecFolder(dir);
        folder.createDirectory("template/user");
        Site site = folder.load("""
                apiVersion: alive/v1
                kind: Site
                domain: shop.example.com
                owner: {email: Ann.Lee+shop@example.com, org: Ann's Shop}
                template: template
                app:
                  root: ./user/
                  install: bun install
                  build:
                    command: bun run build
                    outputs: [dist, public/assets/]
                  start: bun run preview
                  env:
                    NODE_ENV: production
                    RETRIES: 3
                    DEBUG: false
                    API_KEY: ${API_KEY}
                health:
                  path: /health?deep=1
                  timeout: 1m30s
                port: 3400
                """);

        assertThat(site.owner()).isEqualTo(new Site.Owner("Ann.Lee+shop@example.com", "Ann's Shop"));
        assertThat(site.app().root()).isEqualTo("user");
        assertThat(site.app().install()).contains("bun install");
        assertThat(site.app().build()).contains(new Site.Build("bun run build", List.of("dist", "public/assets")));
        assertThat(site.app().start()).isEqualTo("bun run preview");
        assertThat(site.app().env()).containsExactly(
                java.util.Map.entry("NODE_ENV", new EnvValue.Literal("production")),
                java.util.Map.entry("RETRIES", new EnvValue.Literal("3")),
                java.util.Map.entry("DEBUG", new EnvValue.Literal("false")),
                java.util.Map.entry("API_KEY", new EnvValue.FromEnvironment("API_KEY")));
        assertThat(site.health()).isEqualTo(new Site.Health("/health?deep=1", Duration.ofSeconds(90)));
        assertThat(site.port()).isEqualTo(new Site.Port.Fixed(3400));
    }

    @Test
    void keepsTheSecretValueOfAnEnvironmentReferenceOutOfTheSite() {
        Site site = new SpecFolder(dir).env("API_KEY", "super-secret-value").load(SpecFolder.VALID.replace(
                "  start: node server.js\n", "  start: node server.js\n  env:\n    API_KEY: ${API_KEY}\n"));

        assertThat(site.toString()).doesNotContain("super-secret-value").contains("FromEnvironment[variable=API_KEY]");
    }

    @Test
    void loadsTheHelloExampleCleanly() {
        Path spec = Path.of("examples/hello/site.yaml");

        Site site = SpecLoader.withEnvironment(java.util.Map.of()).loadSite(spec);

        assertThat(site.domain()).isEqualTo("hello.alive.test");
        assertThat(site.owner().email()).isEqualTo("owner@example.com");
        assertThat(site.template()).endsWith(Path.of("examples/hello/template"));
        assertThat(site.app().install()).contains("npm install --no-audit --no-fund");
        assertThat(site.app().build()).contains(new Site.Build("npm run build", List.of("dist")));
        assertThat(site.app().start()).isEqualTo("node server.js");
        assertThat(site.health().path()).isEqualTo("/health");
        assertThat(site.template().resolve("package.json")).exists();
        assertThat(site.template().resolve("server.js")).exists();
    }

    @Test
    void acceptsATemplateOutsideTheSpecFolderWhenItsRootIsListed(@TempDir Path elsewhere) throws Exception {
        SpecFolder folder = new SpecFolder(dir).env("ALIVE_TEMPLATE_ROOTS", "/nonexistent:" + elsewhere);
        java.nio.file.Files.createDirectories(elsewhere.resolve("shared-template"));

        Site site = folder.load(SpecFolder.VALID.replace("./template", elsewhere.resolve("shared-template").toString()));

        assertThat(site.template()).isEqualTo(elsewhere.resolve("shared-template").toRealPath());
    }

    @Test
    void loadsSeveralSpecsAndReportsTheProblemsOfAllOfThem() {
        SpecFolder folder = new SpecFolder(dir);
        Path good = folder.write("good.yaml", SpecFolder.VALID);
        Path bad1 = folder.write("bad1.yaml", SpecFolder.VALID.replace("hello.alive.test", "bad..name"));
        Path bad2 = folder.write("bad2.yaml", SpecFolder.VALID.replace("owner@example.com", "nobody"));

        assertThat(folder.loader().loadSites(List.of(good))).hasSize(1);
        SpecException refused = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> folder.loader().loadSites(List.of(good, bad1, bad2)));
        assertThat(refused.problems()).extracting(Problem::file).containsExactly(bad1, bad2);
    }

    @Test
    void loadsAFleetSharingOneTemplateInFileOrderAndReportsAnEscapingLinkForEachSpec() throws Exception {
        SpecFolder folder = new SpecFolder(dir);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(folder.write("site-" + i + ".yaml", SpecFolder.VALID.replace("hello.alive.test", "s" + i + ".alive.test")));
        }

        assertThat(folder.loader().loadSites(files)).extracting(Site::domain)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "s" + i + ".alive.test").toList());

        java.nio.file.Files.createSymbolicLink(dir.resolve("template/passwd"), Path.of("/etc/passwd"));
        SpecException refused = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> folder.loader().loadSites(files));
        assertThat(refused.problems()).extracting(Problem::file).containsExactlyElementsOf(files);
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.message()).contains("passwd"));
    }
}
