package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.fingerprint.CountingFileHashCache;
import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.store.InMemoryStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree input shared by a fleet's units (their template) is fingerprinted once per plan and per apply. */
class SharedTreeInputTest {

    private static final int UNITS = 12;
    private static final int FILES = 5;

    @TempDir
    Path temp;

    private final CountingFileHashCache lookups = new CountingFileHashCache();
    private Harness h;
    private Path template;

    @BeforeEach
    void fleetSharingOneTemplate() throws Exception {
        h = new Harness(new ForwardingStateStore(new InMemoryStateStore()) {
            @Override
            public FileHashCache fileHashCache() {
                return lookups;
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
        assertThat(lookups.gets.get()).isEqualTo(FILES);

        lookups.resetCounts();
        assertThat(h.plan().hasChanges()).isFalse();
        assertThat(lookups.gets.get()).isEqualTo(FILES);

        lookups.resetCounts();
        hourOld(Files.writeString(template.resolve("f0"), "changed"));
        var plan = h.plan();
        assertThat(lookups.gets.get()).isEqualTo(FILES);
        assertThat(plan.units()).hasSize(UNITS).allSatisfy(unit -> assertThat(unit.hasChanges()).isTrue());
    }

    /** Out of the racy window, so the cache is asked about the file. */
    private static void hourOld(Path file) throws Exception {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
    }
}
