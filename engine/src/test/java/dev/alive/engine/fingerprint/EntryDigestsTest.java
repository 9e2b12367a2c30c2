package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryDigestsTest {

    @TempDir
    Path temp;

    @Test
    void fileThatCannotBeReadFailsNamingItEvenFromThePool() throws Exception {
        var entries = new ArrayList<TreeEntry>();
        for (var i = 0; i < 40; i++) {
            var file = Files.writeString(temp.resolve("f" + i), "x");
            entries.add(TreeEntry.read(file, "f" + i));
        }
        var directory = Files.createDirectory(temp.resolve("not-a-file"));
        var stat = FileStat.of(directory);
        var lying = new FileStat(EntryType.FILE, stat.permissions(), 0, 0, stat.inode(), 0);
        entries.add(new TreeEntry("not-a-file", directory, lying, null));

        assertThatThrownBy(() -> EntryDigests.compute(entries, new String[entries.size()], FingerprintPool.shared()))
                .isExactlyInstanceOf(TreeFingerprintException.class)
                .hasMessageContaining("cannot fingerprint " + directory)
                .satisfies(e -> assertThat(((TreeFingerprintException) e).path()).isEqualTo(directory));
    }

    @Test
    void fileThatVanishedBeforeItWasReadGetsNoDigest() throws Exception {
        var file = Files.writeString(temp.resolve("gone"), "x");
        var entry = TreeEntry.read(file, "gone");
        Files.delete(file);

        var digests = EntryDigests.compute(List.of(entry), new String[1], FingerprintPool.shared());

        assertThat(digests).containsExactly((String) null);
    }
}
