package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree input shared by a fleet's units (their template) is fingerprinted once per plan and per apply. */
class SharedTreeInputTest {

    private static final int UNITS = 12;
    private static final int FILES = 5;

    @TempDir
    Path temp;

    private final AtomicInteger lookups = new AtomicInteger();
    private Harness h;
    private Path template;

    @BeforeEach
    void fleetSharingOneTemplate() throws Exception {
        var memory = new InMemoryStateStore();
        var counting = new FileHashCache() {
            @Override
            public Optional<String> get(Key key) {
                lookups.incrementAndGet();
                return memory.fileHashCache().get(key);
            }

            @Override
            public void put(Key key, String sha256) {
                memory.fileHashCache().put(key, sha256);
            }

            @Override
            public void flush() {
                memory.fileHashCache().flush();
            }
        };
        h = new Harness(new ForwardingStateStore(memory) {
            @Override
            public FileHashCache fileHashCache() {
                return counting;
            }
        }, Harness.options(temp.resolve("work")));
        template = Files.createDirectories(temp.resolve("template"));
        for (var i = 0; i < FILES; i++) {
            hourOld(Files.writeString(template.resolve("f" + i), "file " + i));
        }
        for (var u = 0; u < UNITS; u++) {
            h.fakes.unit("site" + u).task("release");
            h.fakes.task("site" + u + "/release").tree("template", template);
        }
    }

    @Test
    void aFleetsTemplateIsFingerprintedOncePerApplyAndOncePerPlan() throws Exception {
        var applied = h.applyAll(ApplyOptions.defaults());
        assertThat(applied.succeeded()).isTrue();
        assertThat(lookups.get()).isEqualTo(FILES);

        lookups.set(0);
        assertThat(h.plan().hasChanges()).isFalse();
        assertThat(lookups.get()).isEqualTo(FILES);

        lookups.set(0);
        hourOld(Files.writeString(template.resolve("f0"), "changed"));
        var plan = h.plan();
        assertThat(lookups.get()).isEqualTo(FILES);
        assertThat(plan.units()).hasSize(UNITS).allSatisfy(unit -> assertThat(unit.hasChanges()).isTrue());
    }

    /** Out of the racy window, so the cache is asked about the file. */
    private static void hourOld(Path file) throws Exception {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
    }
}
