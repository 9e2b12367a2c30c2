package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alive.deploy.legacy.LegacyServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alive import legacy} over a server the as-is scripts left (deploy's LegacyServerFixture,
 * under {@code --root}): the exit code that says some sites were left out, the JSON and text reports
 * naming each site, specs that never carry the registry's removed keys, and a plan over the out
 * folder with no changes.
 */
class ImportLegacyCommandTest {

    @TempDir
    Path dir;

    LegacyServerFixture server;
    Workspace workspace;
    Path out;

    @BeforeEach
    void layOutTheServer() throws Exception {
        server = LegacyServerFixture.create(dir.resolve("server"));
        workspace = new Workspace(dir.resolve("work")).host("none");
        out = dir.resolve("work/adopted");
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    @Test
    void adoptsTheConsistentSitesNamesTheRefusedExitsFiveAndThenPlansNoChanges() throws Exception {
        var imported = workspace.run("import", "legacy", "--root", server.root().toString(), "--out", out.toString(),
                "--json");
        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCodes.IMPORT_INCOMPLETE);
        JsonNode report = new ObjectMapper().readTree(imported.out());
        assertThat(report.get("formatVersion").asInt()).isEqualTo(1);
        var adopted = new ArrayList<String>();
        var refused = new ArrayList<String>();
        report.get("sites").forEach(site -> (site.get("outcome").asText().equals("adopted") ? adopted : refused)
                .add(site.get("name").asText()));
        assertThat(adopted).containsExactlyInAnyOrderElementsOf(LegacyServerFixture.CONSISTENT);
        assertThat(refused).contains(LegacyServerFixture.STALE_PORT, LegacyServerFixture.ORPHAN_UNIT,
                LegacyServerFixture.NO_UNIT, LegacyServerFixture.NOT_LISTENING);

        var everything = new StringBuilder(imported.out()).append(imported.err());
        for (var spec : specs()) {
            everything.append(Files.readString(spec));
        }
        LegacyServerFixture.REMOVED_VALUES.forEach(value -> assertThat(everything.toString()).doesNotContain(value));

        var again = workspace.run("import", "legacy", "--root", server.root().toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.IMPORT_INCOMPLETE);
        assertThat(again.out()).contains(LegacyServerFixture.CLASSIC, LegacyServerFixture.STALE_PORT);

        var args = new ArrayList<>(List.of("plan"));
        specs().forEach(spec -> args.add(spec.toString()));
        var plan = workspace.run(args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes");
    }

    @Test
    void aDryRunWritesNoSpecAndStillSaysWhatItWouldDo() {
        var dry = workspace.run("import", "legacy", "--root", server.root().toString(), "--out", out.toString(),
                "--dry-run", "--only", LegacyServerFixture.CLASSIC);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains(LegacyServerFixture.CLASSIC);
        assertThat(out).doesNotExist();
    }

    private List<Path> specs() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
