package dev.alive.engine;

import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.PlannedTask.Action;
import dev.alive.engine.fingerprint.CountingFileHashCache;
import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.store.InMemoryStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree output the task declares secret is recorded by HMAC under the store's key, outside the hash cache. */
class SecretTreeOutputTest {

    private static final String CONTENT = "DOMAIN=a.test\nPORT=3000\nDB_PASSWORD=hunter2\n";

    @TempDir
    Path temp;

    private final CountingFileHashCache cache = new CountingFileHashCache();

    private Harness harness(byte[] key, String work) {
        return new Harness(new ForwardingStateStore(new InMemoryStateStore()) {
            @Override
            public FileHashCache fileHashCache() {
                return cache;
            }

            @Override
            public byte[] fingerprintKey() {
                return key.clone();
            }
        }, Harness.options(temp.resolve(work)));
    }

    private Path envFile() throws Exception {
        var file = temp.resolve("a.env");
        if (!Files.exists(file)) {
            Files.writeString(file, CONTENT);
        }
        return file;
    }

    private Harness siteWithSecretEnv(byte[] key, String work) throws Exception {
        var h = harness(key, work);
        h.fakes.unit("a").task("env").task("app");
        h.fakes.task("a/env").treeOutput("file", envFile()).declaringSecret("file");
        h.fakes.task("a/app").reads("env", "env", "file");
        return h;
    }

    private static String recorded(Harness h) {
        return h.store.committed(id("a/env")).orElseThrow().outputs().get("file").fingerprint();
    }

    private String plainFingerprint() throws Exception {
        return new TreeFingerprinter(FileHashCache.NONE).snapshot(envFile(), List.of(), List.of()).fingerprint();
    }

    @Test
    void aSecretTreeIsRecordedByHmacUnderTheStoresKeyAndNeverEntersTheHashCache() throws Exception {
        var h = siteWithSecretEnv(key(1), "work1");
        assertThat(h.apply().outcome()).isEqualTo(dev.alive.engine.store.RunOutcome.SUCCEEDED);

        var fingerprint = recorded(h);
        var contentSha256 = Fingerprints.sha256(CONTENT.getBytes(StandardCharsets.UTF_8));
        assertThat(fingerprint).startsWith("hmac:").isNotEqualTo(plainFingerprint());
        assertThat(h.store.manifest(fingerprint)).hasValueSatisfying(entries -> {
            assertThat(entries).containsOnlyKeys("a.env");
            assertThat(entries.get("a.env")).contains("hmac:").doesNotContain(contentSha256);
        });
        assertThat(h.store.committed(id("a/app")).orElseThrow().inputFingerprints().get("env")).isEqualTo(fingerprint);
        assertThat(cache.gets.get() + cache.puts.get()).as("hash cache lookups and puts").isZero();
        assertThat(cache.hashes.values()).doesNotContain(contentSha256);

        var otherKey = siteWithSecretEnv(key(2), "work2");
        assertThat(otherKey.apply().outcome()).isEqualTo(dev.alive.engine.store.RunOutcome.SUCCEEDED);
        assertThat(recorded(otherKey)).startsWith("hmac:").isNotEqualTo(fingerprint);
    }

    @Test
    void aHandEditOfASecretTreeIsDriftNamingTheFileAndTheRewriteIsUpToDateAgain() throws Exception {
        var h = siteWithSecretEnv(key(1), "work");
        h.apply();
        assertThat(h.plan().hasChanges()).isFalse();
        var before = recorded(h);

        Files.writeString(envFile(), CONTENT.replace("hunter2", "hunter3"));
        var plan = h.plan();
        assertThat(plan.task(id("a/env")).orElseThrow().reasons()).containsExactly("output 'file' drifted: a.env");

        h.fakes.task("a/env").onRun(context -> Files.writeString(temp.resolve("a.env"), CONTENT));
        h.apply();
        assertThat(h.fakes.logOf("run")).containsExactly("a/env");
        assertThat(h.listener.reasons.get(id("a/env"))).containsExactly("output 'file' drifted: a.env");
        assertThat(recorded(h)).isEqualTo(before);
        assertThat(h.plan().hasChanges()).isFalse();
    }

    @Test
    void anOutputRecordedPlainlyBeforeItWasDeclaredSecretIsRewrittenOnceWithAClearReason() throws Exception {
        var h = siteWithSecretEnv(key(1), "work");
        h.fakes.task("a/env").declaringSecret();
        h.apply();
        assertThat(recorded(h)).isEqualTo(plainFingerprint());

        h.fakes.task("a/env").declaringSecret("file");
        var plan = h.plan();
        var reason = "output 'file' holds secrets and was recorded by plain SHA-256: it is rewritten to be recorded by HMAC";
        assertThat(plan.task(id("a/env")).orElseThrow().reasons()).containsExactly(reason);
        assertThat(plan.task(id("a/app")).orElseThrow().action()).isEqualTo(Action.KNOWN_AFTER_APPLY);

        cache.resetCounts();
        assertThat(h.apply().outcome()).isEqualTo(dev.alive.engine.store.RunOutcome.SUCCEEDED);
        assertThat(h.listener.reasons.get(id("a/env"))).containsExactly(reason);
        assertThat(h.fakes.logOf("run")).containsExactly("a/env", "a/app");
        assertThat(recorded(h)).startsWith("hmac:");
        assertThat(cache.gets.get() + cache.puts.get()).as("hash cache lookups and puts").isZero();
        assertThat(h.plan().hasChanges()).isFalse();
    }

    private static byte[] key(int seed) {
        var key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
