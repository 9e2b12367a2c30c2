package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each validation of a site spec: the exact message, at the exact line and column. */
class SiteSpecProblemsTest {

    @TempDir
    Path dir;
    SpecFolder folder;

    @BeforeEach
    void setUp() {
        folder = new SpecFolder(dir);
    }

    private String with(String from, String to) {
        assertThat(SpecFolder.VALID).contains(from);
        return SpecFolder.VALID.replace(from, to);
    }

    @Test
    void reportsFiveDifferentMistakesTogetherWithTheirLines() {
        assertThat(folder.problems("""
                apiVersion: alive/v1
                kind: Site
                domain: Shop.Example.com
                owner:
                  email: owner-at-example.com
                template: ./template
                app:
                  start: node server.js
                  buidl:
                    command: npm run build
                health:
                  timeout: soon
                port: eighty
                """)).containsExactly(
                "3:9: domain 'Shop.Example.com' must be lowercase; write 'shop.example.com'",
                "5:10: owner.email 'owner-at-example.com' is not an email address (no '@');"
                        + " write an address like owner@example.com",
                "9:3: unknown key 'buidl' in app; did you mean 'build'?",
                "12:12: health.timeout: expected a duration like 30s or 2m, got 'soon'",
                "13:7: port: expected a number or 'auto', got 'eighty'");
    }

    @Test
    void rendersEachProblemAsFileLineColumnMessageOnItsOwnLine() {
        Path file = folder.write("site.yaml", with("hello.alive.test", "a..b") + "port: x\n");

        SpecException refused = assertThrows(SpecException.class, () -> folder.loader().loadSite(file));

        assertThat(refused.getMessage()).isEqualTo(
                file + ":3:9: domain 'a..b' has an empty label ('..'); remove the extra dot\n"
                + file + ":9:7: port: expected a number or 'auto', got 'x'");
    }

    @Test
    void suggestsTheNearestKeyForATypo() {
        assertThat(folder.problems(with("domain:", "domian:"))).containsExactly(
                "3:1: unknown key 'domian'; did you mean 'domain'?");
    }

    @Test
    void saysWhereAKeyBelongsWhenItIsAtTheWrongLevel() {
        assertThat(folder.problems(SpecFolder.VALID + "install: npm ci\n")).containsExactly(
                "9:1: key 'install' does not belong here; move it under 'app'");
    }

    @Test
    void saysToMoveATopLevelKeyOutOfANestedMapping() {
        assertThat(folder.problems(SpecFolder.VALID + "  template: ./template\n")).containsExactly(
                "9:3: key 'template' does not belong in app; move it to the top level");
    }

    @Test
    void listsTheAcceptedKeysForAnUnrecognisableKey() {
        assertThat(folder.problems(SpecFolder.VALID + "replicas: 3\n")).containsExactly(
                "9:1: unknown key 'replicas'; expected one of: apiVersion, kind, domain, owner, template, app,"
                        + " health, port, layout");
    }

    @Test
    void reportsAMissingRequiredKeyWithWhatToWrite() {
        assertThat(folder.problems(with("  start: node server.js\n", "  install: npm ci\n"))).containsExactly(
                "7:1: missing required key 'app.start'; the command that serves the site on $PORT,"
                        + " e.g. start: node server.js");
    }

    @Test
    void reportsAKeyWithoutValueAtTheKey() {
        assertThat(folder.problems(with("domain: hello.alive.test", "domain:"))).containsExactly(
                "3:1: domain has no value; the site's DNS name, e.g. domain: hello.example.com");
    }

    @Test
    void reportsAWrongTypeWithWhatWasWritten() {
        assertThat(folder.problems(with("owner:\n  email: owner@example.com", "owner: owner@example.com")))
                .containsExactly("4:8: owner: expected a mapping with keys email, org, got 'owner@example.com'");
        assertThat(folder.problems(with("domain: hello.alive.test", "domain: [a, b]")))
                .containsExactly("3:9: domain: expected text, got a list");
    }

    @Test
    void refusesAnotherApiVersionAndAMisspeltKind() {
        assertThat(folder.problems(with("alive/v1", "alive/v2").replace("kind: Site", "kind: Sites")))
                .containsExactly(
                        "1:13: apiVersion: expected 'alive/v1', got 'alive/v2'; this alive reads alive/v1 files",
                        "2:7: kind: expected 'Site', got 'Sites'; did you mean 'Site'?");
    }

    @Test
    void pointsAHostProfileGivenAsSpecToTheHostOption() {
        assertThat(folder.problems("apiVersion: alive/v1\nkind: Host\nroot: .\n")).containsExactly(
                "2:7: this file is a host profile (kind: Host), not a site spec; pass it with --host");
    }

    @Test
    void refusesADuplicateKey() {
        assertThat(folder.problems(SpecFolder.VALID + "domain: other.alive.test\n")).containsExactly(
                "9:1: duplicate key 'domain' (first at line 3); keep one of them");
    }

    @Test
    void refusesAnInvalidEmail() {
        assertThat(folder.problems(with("owner@example.com", "owner@@example.com"))).containsExactly(
                "5:10: owner.email 'owner@@example.com' has an invalid part before '@' 'owner@' (1-64 letters,"
                        + " digits or !#$%&'*+/=?^_`{|}~- separated by single dots); write an address like"
                        + " owner@example.com");
        assertThat(folder.problems(with("owner@example.com", "owner@localhost"))).containsExactly(
                "5:10: owner.email 'owner@localhost' has an invalid domain after '@': 'localhost' has a single"
                        + " label; a site's domain has at least two, like 'localhost.example.com'");
    }

    @Test
    void refusesATemplateThatIsMissingAndSuggestsANeighbour() {
        assertThat(folder.problems(with("./template", "./templat"))).containsExactly(
                "6:11: template './templat' does not exist (looked for " + realDir() + "/templat);"
                        + " did you mean 'template'?");
    }

    @Test
    void refusesATemplateThatIsAFile() {
        folder.write("site-files.txt", "not a folder");
        assertThat(folder.problems(with("./template", "site-files.txt"))).containsExactly(
                "6:11: template 'site-files.txt' is a file; it must be a folder (" + realDir() + "/site-files.txt)");
    }

    @Test
    void refusesATemplateLeavingTheSpecFolderThroughDotDot() {
        assertThat(folder.problems(with("./template", "../../etc"))).containsExactly(
                "6:11: template '../../etc' leaves the spec's folder (it resolves to "
                        + realDir().getParent().getParent().resolve("etc") + "); keep the template inside "
                        + realDir() + ", or list its parent folder in ALIVE_TEMPLATE_ROOTS");
    }

    @Test
    void refusesATemplateLeavingTheSpecFolderThroughASymlink(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(dir.resolve("linked"), outside);
        assertThat(folder.problems(with("./template", "./linked"))).containsExactly(
                "6:11: template './linked' leads outside the spec's folder through a symlink (to "
                        + outside.toRealPath() + "); keep the template inside " + realDir()
                        + ", or list its parent folder in ALIVE_TEMPLATE_ROOTS");
    }

    @Test
    void refusesATemplateHoldingASymlinkToOutside() throws Exception {
        Files.createSymbolicLink(dir.resolve("template/passwd"), Path.of("/etc/passwd"));
        assertThat(folder.problems(SpecFolder.VALID)).containsExactly(
                "6:11: template './template' contains the symlink 'passwd' pointing outside the template (to"
                        + " /etc/passwd); a template must not point outside itself: replace the link with the file"
                        + " itself");
    }

    @Test
    void acceptsSymlinksThatStayInsideTheTemplate() throws Exception {
        folder.createDirectory("template/dist");
        Files.createSymbolicLink(dir.resolve("template/public"), Path.of("dist"));
        assertThat(folder.load(SpecFolder.VALID).domain()).isEqualTo("hello.alive.test");
    }

    @Test
    void keepsAppRootInsideTheTemplate() {
        assertThat(folder.problems(with("  start:", "  root: ../..\n  start:"))).containsExactly(
                "8:9: app.root '../..' leaves the template; name a folder inside it, e.g. '.' or 'user'");
        assertThat(folder.problems(with("  start:", "  root: /srv\n  start:"))).containsExactly(
                "8:9: app.root '/srv' must be relative to the template, e.g. '.' or 'user'");
        assertThat(folder.problems(with("  start:", "  root: usr\n  start:")).get(0)).startsWith(
                "8:9: app.root 'usr' does not exist (looked for ");
    }

    @Test
    void refusesEnvNamesThatAreNotIdentifiersAndValuesWithNewlines() {
        assertThat(folder.problems(with("  start: node server.js\n", """
                  start: node server.js
                  env:
                    MY-VAR: x
                    PORT: "80"
                    NOTE: "two\\nlines"
                    EMPTY:
                """))).containsExactly(
                "10:5: env name 'MY-VAR' is not an identifier; use letters, digits and '_', not starting with a"
                        + " digit, e.g. 'MY_VAR'",
                "11:5: env PORT is set by alive itself (the site's port); remove it from app.env",
                "12:11: env NOTE: the value contains a line break or NUL; an env file holds one line per"
                        + " variable: put the value on one line",
                "13:11: env EMPTY has no value; write EMPTY: \"\" for an empty value");
    }

    @Test
    void refusesAnEnvReferenceToAVariableThatIsNotSet() {
        assertThat(folder.problems(with("  start: node server.js\n",
                "  start: node server.js\n  env:\n    TOKEN: ${ALIVE_TEST_UNSET_TOKEN}\n"))).containsExactly(
                "10:12: env TOKEN: ${ALIVE_TEST_UNSET_TOKEN} is not set in alive's environment;"
                        + " export ALIVE_TEST_UNSET_TOKEN before running alive");
    }

    @Test
    void refusesShellSyntaxInCommands() {
        assertThat(folder.problems(with("node server.js", "npm ci && node server.js"))).containsExactly(
                "8:10: app.start contains '&&', but alive runs commands as an argument vector, without a shell;"
                        + " put several steps in a package.json script or a script file");
    }

    @Test
    void refusesBuildOutputsOutsideTheApp() {
        assertThat(folder.problems(with("  start: node server.js\n",
                "  start: node server.js\n  build:\n    command: npm run build\n    outputs: [../up, /abs]\n")))
                .containsExactly(
                        "11:15: app.build.outputs entry '../up' leaves the app folder; an output is a folder or"
                                + " file the build writes inside the app, e.g. dist",
                        "11:22: app.build.outputs entry '/abs' leaves the app folder; an output is a folder or"
                                + " file the build writes inside the app, e.g. dist");
    }

    @Test
    void checksDurationsAndHealthPaths() {
        assertThat(folder.problems(SpecFolder.VALID + "health:\n  path: health\n  timeout: 30\n")).containsExactly(
                "10:9: health.path 'health' must be a URL path starting with '/', without spaces, e.g. /health",
                "11:12: health.timeout: expected a duration like 30s or 2m, got '30'; add a unit: '30s'");
        assertThat(folder.problems(SpecFolder.VALID + "health:\n  timeout: 2h\n")).containsExactly(
                "10:12: health.timeout 2h is out of range; expected 1s to 1h");
        assertThat(folder.load(SpecFolder.VALID + "health:\n  timeout: 2m\n").health().timeout())
                .hasMinutes(2);
    }

    @Test
    void checksPorts() {
        assertThat(folder.problems(SpecFolder.VALID + "port: 70000\n")).containsExactly(
                "9:7: port 70000 is not a TCP port; write a number from 1 to 65535, or 'auto'");
        assertThat(folder.load(SpecFolder.VALID + "port: auto\n").port()).isEqualTo(new Site.Port.Auto());
    }

    @Test
    void refusesFilesOverOneMegabyteBeforeParsing() throws Exception {
        int room = SpecText.MAX_BYTES - SpecFolder.VALID.length();
        String line = "#" + "-".repeat(98) + "\n";
        String padding = line.repeat(room / line.length()) + "#".repeat(room % line.length() - 1) + "\n";
        Path atLimit = folder.write("site.yaml", SpecFolder.VALID + padding);
        assertThat(Files.size(atLimit)).isEqualTo(SpecText.MAX_BYTES);
        assertThat(folder.loader().loadSite(atLimit).domain()).isEqualTo("hello.alive.test");

        Path overLimit = folder.write("big.yaml", SpecFolder.VALID + "#" + padding);
        SpecException refused = assertThrows(SpecException.class, () -> folder.loader().loadSite(overLimit));
        assertThat(refused.getMessage()).isEqualTo(overLimit + ": file is 1048577 bytes; spec and host files are"
                + " limited to 1 MB (1048576 bytes); is this the right file?");
    }

    @Test
    void reportsYamlSyntaxErrorsAtSnakeyamlsMark() {
        assertThat(folder.problems("apiVersion: alive/v1\nkind: Site\ndomain: a: b\n")).containsExactly(
                "3:10: YAML syntax error: mapping values are not allowed here; check the indentation of this line,"
                        + " or quote a value that contains ': '");
    }

    @Test
    void reportsMissingAndEmptyFiles() {
        assertThat(folder.problems("")).containsExactly(
                "1:1: file is empty; a site spec starts with the lines 'apiVersion: alive/v1' and 'kind: Site'");
        Path missing = dir.resolve("nope.yaml");
        SpecException refused = assertThrows(SpecException.class, () -> folder.loader().loadSite(missing));
        assertThat(refused.getMessage()).isEqualTo(missing + ": no such file; check the path");
        SpecException folderGiven = assertThrows(SpecException.class, () -> folder.loader().loadSite(dir));
        assertThat(folderGiven.getMessage()).isEqualTo(dir + ": is a folder; expected a YAML file");
    }

    private Path realDir() {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
