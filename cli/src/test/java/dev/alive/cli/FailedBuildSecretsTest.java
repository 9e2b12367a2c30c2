package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.RunOutcome;
import dev.alive.specs.HostProfiles;
import dev.alive.state.AliveDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that prints a ${NAME} secret and the owner's password, then fails: its last lines are in
 * the failure's message, which the journal, the run's summary, the apply's output (text and JSON),
 * history and the run log all show; the secrets are hidden in every one, and in the state store's
 * files.
 */
@Tag("slow")
class FailedBuildSecretsTest {

    static final String DOMAIN = "leak.alive.test";
    static final String SECRET = "api-secret-" + UUID.randomUUID();

    @TempDir
    Path dir;

    Workspace workspace;
    Path spec;
    String password;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir).host("none");
        password = workspace.env.get("ALIVE_OWNER_PASSWORD");
        spec = workspace.siteWhoseBuildPrintsSecrets("leak", DOMAIN, SECRET, "echo 'build broke' >&2\nexit 1");
    }

    @AfterEach
    void destroySite() {
        workspace.run("destroy", spec.toString());
    }

    @Test
    void aFailedBuildThatPrintsSecretsLeaksThemNowhere() throws Exception {
        var outputs = new ArrayList<Workspace.Result>();
        var apply = workspace.run("apply", "--debug", spec.toString());
        outputs.add(apply);
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(apply.out() + apply.err()).as(apply.toString()).contains("api=***", "owner=***");

        var applyJson = workspace.run("apply", "--json", spec.toString());
        outputs.add(applyJson);
        assertThat(applyJson.exitCode()).as(applyJson.toString()).isEqualTo(ExitCodes.FAILED);
        var document = new ObjectMapper().readTree(applyJson.out());
        assertThat(document.toString()).contains("api=***", "owner=***");

        var history = workspace.run("history", DOMAIN, "--json");
        outputs.add(history);
        var runIds = new ArrayList<String>();
        new ObjectMapper().readTree(history.out()).get("runs").forEach(run -> runIds.add(run.get("runId").asText()));
        assertThat(runIds).hasSize(2);
        for (var args : List.of(List.of("history", DOMAIN), List.of("history", DOMAIN, "--run", runIds.get(0)),
                List.of("history", DOMAIN, "--run", runIds.get(0), "--log"),
                List.of("history", DOMAIN, "--run", runIds.get(0), "--log", "--json"),
                List.of("plan", spec.toString()), List.of("plan", "--json", spec.toString()),
                List.of("status", "--json"))) {
            outputs.add(workspace.run(args.toArray(String[]::new)));
        }
        assertThat(outputs.get(3).out()).as("history --run shows the FAILED entry").contains("api=***");
        assertThat(outputs.get(4).out()).as("the run log keeps the output").contains("api=***", "owner=***");
        for (var output : outputs) {
            assertThat(output.out() + output.err()).as(output.toString()).doesNotContain(SECRET).doesNotContain(password);
        }

        var host = HostProfiles.resolve(workspace.hostFile().toString(), dir, workspace.env);
        try (var database = AliveDatabase.open(host.state())) {
            var store = database.stateStore();
            for (var runId : runIds) {
                var run = store.run(runId).orElseThrow();
                assertThat(run.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
                assertThat(run.summary()).contains("owner=***").doesNotContain(SECRET).doesNotContain(password);
                var failed = store.journal(runId).stream().filter(e -> e.kind() == JournalEntry.Kind.FAILED).toList();
                assertThat(failed).singleElement().satisfies(entry -> assertThat(entry.detail())
                        .contains("api=***", "owner=***", "build broke"));
                assertThat(store.journal(runId)).allSatisfy(entry -> assertThat(entry.toString())
                        .doesNotContain(SECRET).doesNotContain(password));
                assertThat(store.runLog(runId).lines()).isNotEmpty().allSatisfy(line -> assertThat(line.text())
                        .doesNotContain(SECRET).doesNotContain(password));
            }
        }
        assertThat(stateFiles()).allSatisfy(file -> assertThat(new String(Files.readAllBytes(file),
                StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(SECRET).doesNotContain(password));
    }

    private List<Path> stateFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("root"))) {
            var found = files.filter(f -> f.getFileName().toString().startsWith("state.db")).toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }
}
