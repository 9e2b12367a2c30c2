package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * logs of a process site (its log file) and history --run --log (the build output kept with the
 * run), on a real apply whose build echoes a ${NAME} secret and the owner's password.
 */
@Tag("slow")
class LogsCommandTest {

    static final String DOMAIN = "logs.alive.test";
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
        spec = workspace.siteWhoseBuildPrintsSecrets("logs", DOMAIN, SECRET, "exec node build.js");
    }

    @AfterEach
    void destroySite() {
        workspace.run("destroy", spec.toString());
    }

    @Test
    void historyShowsTheBuildOutputOfARunWithEverySecretHidden() throws Exception {
        var apply = workspace.run("apply", spec.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("api=***", "owner=***").doesNotContain(SECRET).doesNotContain(password);
        var runId = json(workspace.run("history", DOMAIN, "--json").out()).get("runs").get(0).get("runId").asText();

        var text = workspace.run("history", DOMAIN, "--run", runId, "--log");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith(DOMAIN + "  apply  succeeded  " + runId + "\n")
                .contains("\nbuild     api=***\nbuild     owner=***\nbuild     built dist/index.html\n")
                .containsPattern("\nport +reserved port " + workspace.sitePort + "\n")
                .doesNotContain(SECRET).doesNotContain(password);

        var document = json(workspace.run("history", DOMAIN, "--run", runId, "--log", "--json").out());
        assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(document.get("site").asText()).isEqualTo(DOMAIN);
        assertThat(document.get("runId").asText()).isEqualTo(runId);
        assertThat(document.get("droppedLines").asLong()).isZero();
        var lines = new ArrayList<String>();
        document.get("lines").forEach(line -> lines.add(line.get("task").asText() + ": " + line.get("text").asText()));
        assertThat(lines).contains("build: api=***", "build: owner=***", "build: built dist/index.html");

        var oneRun = workspace.run("history", DOMAIN, "--run", runId);
        assertThat(oneRun.out()).contains(runId).contains("succeeded build");
        assertThat(stateFiles()).allSatisfy(file -> assertThat(new String(Files.readAllBytes(file),
                StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(SECRET));

        var noop = workspace.run("apply", spec.toString());
        var noopRun = json(workspace.run("history", DOMAIN, "--json", "--limit", "1").out()).get("runs").get(0);
        var noopLog = workspace.run("history", DOMAIN, "--run", noopRun.get("runId").asText(), "--log");
        assertThat(noop.out()).contains("0 ran");
        assertThat(noopLog.out()).endsWith("(no output)\n");
    }

    @Test
    void logsShowTheLastLinesOfTheAppsLogFile() {
        assertThat(workspace.run("apply", spec.toString()).exitCode()).isZero();

        var logs = workspace.run("logs", DOMAIN);

        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).startsWith("hello-alive serving " + DOMAIN + " on http://127.0.0.1:"
                + workspace.sitePort);
        appendToLog("second line\nthird line\n");
        assertThat(workspace.run("logs", DOMAIN, "--lines", "2").out()).isEqualTo("second line\nthird line\n");
    }

    @Test
    void followPrintsNewLinesAndEndsWhenItsReaderGoes() throws Exception {
        assertThat(workspace.run("apply", spec.toString()).exitCode()).isZero();
        var pipe = new PipedInputStream(64 * 1024);
        var out = new PrintWriter(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        var err = new StringWriter();
        var context = new CliContext(Map.copyOf(workspace.env), dir, out, new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), false);
        var exit = new int[] {-1};
        var follower = new Thread(() -> exit[0] = Main.execute(context, "logs", DOMAIN, "--follow", "--lines", "1"));
        follower.start();
        var reader = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));

        assertThat(reader.readLine()).startsWith("hello-alive serving " + DOMAIN);
        appendToLog("appended while following\n");
        assertThat(reader.readLine()).isEqualTo("appended while following");
        reader.close();
        appendToLog("nobody reads this\n");
        follower.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(follower.isAlive()).as("follow ended when its output was closed").isFalse();
        assertThat(exit[0]).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
    }

    private void appendToLog(String text) {
        try {
            Files.writeString(dir.resolve("root/services/logs-alive-test.log"), text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private java.util.List<Path> stateFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("root"))) {
            var found = files.filter(f -> f.getFileName().toString().startsWith("state.db")).toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
