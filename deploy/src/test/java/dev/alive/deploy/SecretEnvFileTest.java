package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.PlannedTask;
import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.task.TaskId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The env file holds secrets: the SQLite store keeps no plain SHA-256 of it (a dictionary could be
 * tried on one, the rest of the file being known), yet a hand edit is drift and apply repairs it.
 */
@Tag("slow")
class SecretEnvFileTest {

    private static final String SECRET = "weak-" + UUID.randomUUID().toString().substring(0, 6);

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.local(dir, Map.of("ALIVE_TEST_SECRET", SECRET));
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void theStoreHoldsNoPlainDigestOfTheEnvFileAndAHandEditIsDriftThatApplyRepairs() throws IOException {
        var site = host.site(TestHost.EXAMPLE_DOMAIN, yaml -> yaml.replace("    NODE_ENV: production",
                "    NODE_ENV: production\n    API_KEY: ${ALIVE_TEST_SECRET}"));
        host.deploy(site).assertSucceeded();
        var envFile = host.paths(site).envFile();
        var written = Files.readAllBytes(envFile);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("API_KEY=" + SECRET);

        assertStoreHoldsNoneOf(SECRET, Fingerprints.sha256(written), plainTreeFingerprint(envFile));

        Files.writeString(envFile, new String(written, StandardCharsets.UTF_8).replace(SECRET, "edited-by-hand"));
        var plan = host.plan(site);
        var env = plan.task(TaskId.of(site.domain(), "env")).orElseThrow();
        assertThat(env.action()).isEqualTo(PlannedTask.Action.RUN);
        assertThat(env.reasons()).containsExactly("output 'file' drifted: " + envFile.getFileName());

        var repaired = host.apply(site).assertSucceeded();
        assertThat(repaired.ran(site)).contains("env");
        assertThat(envFile).hasBinaryContent(written);
        assertThat(host.plan(site).hasChanges()).isFalse();
        assertStoreHoldsNoneOf(SECRET, Fingerprints.sha256(written), plainTreeFingerprint(envFile),
                Fingerprints.sha256(Files.readAllBytes(envFile)));
    }

    @Test
    void aStoreThatRecordedTheEnvFilePlainlyRewritesItOnceAndThenHoldsNoPlainDigest() throws Exception {
        var site = host.site(TestHost.EXAMPLE_DOMAIN, yaml -> yaml.replace("    NODE_ENV: production",
                "    NODE_ENV: production\n    API_KEY: ${ALIVE_TEST_SECRET}"));
        host.deploy(site).assertSucceeded();
        var envFile = host.paths(site).envFile();
        var written = Files.readAllBytes(envFile);
        recordEnvFilePlainlyAsBeforeTheUpgrade(site.domain(), plainTreeFingerprint(envFile));
        cacheEnvFilePlainlyAsBeforeTheUpgrade(envFile, Fingerprints.sha256(written));

        var plan = host.plan(site);
        var reason = "output 'file' holds secrets and was recorded by plain SHA-256: it is rewritten to be recorded by HMAC";
        assertThat(plan.task(TaskId.of(site.domain(), "env")).orElseThrow().reasons()).containsExactly(reason);
        assertThat(plan.task(TaskId.of(site.domain(), "activate")).orElseThrow().action())
                .isEqualTo(PlannedTask.Action.KNOWN_AFTER_APPLY);

        var upgraded = host.apply(site).assertSucceeded();
        assertThat(upgraded.ran(site)).contains("env");
        assertThat(upgraded.events().lines()).anyMatch(line -> line.contains(reason));
        assertThat(envFile).hasBinaryContent(written);
        assertThat(host.servedThroughProxy(site)).isTrue();
        assertThat(host.plan(site).hasChanges()).isFalse();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + host.root().resolve("state.db"));
                var query = connection.prepareStatement("select state from alive_task_states where unit = ? and name = 'env'")) {
            query.setString(1, site.domain());
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).contains("\"fingerprint\":\"hmac:").doesNotContain(plainTreeFingerprint(envFile));
            }
        }
        checkpoint(); // the WAL keeps the old page images until a checkpoint, as SQLite does for any row
        assertStoreHoldsNoneOf(SECRET, Fingerprints.sha256(written));
    }

    private void checkpoint() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + host.root().resolve("state.db"));
                var statement = connection.createStatement()) {
            statement.execute("pragma wal_checkpoint(TRUNCATE)");
        }
    }

    /** As an older alive left it: the env file's plain sha256 in the file-hash cache. */
    private void cacheEnvFilePlainlyAsBeforeTheUpgrade(Path envFile, String sha256) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + host.root().resolve("state.db"));
                var insert = connection.prepareStatement("insert into alive_file_hashes"
                        + " (path, size, mtime_ns, inode, ctime_ns, sha256) values (?, 1, 1, 1, 1, ?)")) {
            insert.setString(1, envFile.toString());
            insert.setString(2, sha256);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    /** As a store written before the env file was a secret tree: its committed state names the plain tree fingerprint. */
    private void recordEnvFilePlainlyAsBeforeTheUpgrade(String unit, String plainFingerprint) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + host.root().resolve("state.db"))) {
            String state;
            try (var query = connection.prepareStatement("select state from alive_task_states where unit = ? and name = 'env'")) {
                query.setString(1, unit);
                try (var rows = query.executeQuery()) {
                    assertThat(rows.next()).as("env's committed state").isTrue();
                    state = rows.getString(1);
                }
            }
            var plain = state.replaceFirst("\"fingerprint\":\"hmac:[0-9a-f]{64}\"", "\"fingerprint\":\"" + plainFingerprint + "\"");
            assertThat(plain).isNotEqualTo(state);
            try (var update = connection.prepareStatement("update alive_task_states set state = ? where unit = ? and name = 'env'")) {
                update.setString(1, plain);
                update.setString(2, unit);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static String plainTreeFingerprint(Path file) {
        return new TreeFingerprinter(FileHashCache.NONE).snapshot(file, List.of(), List.of()).fingerprint();
    }

    private void assertStoreHoldsNoneOf(String... texts) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(host.root())) {
            files = all.filter(f -> f.getFileName().toString().startsWith("state.db")).toList();
        }
        assertThat(files).isNotEmpty();
        for (var file : files) {
            var bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (var text : texts) {
                assertThat(bytes).as("%s holds %s", file, text).doesNotContain(text);
            }
        }
    }
}
