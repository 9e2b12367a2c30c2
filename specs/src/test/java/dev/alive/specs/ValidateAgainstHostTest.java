package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAgainstHostTest {

    @TempDir
    Path dir;

    @Test
    void reportsAFixedPortOutsideTheHostsRangeAtThePortLine() {
        SpecFolder folder = new SpecFolder(dir);
        Site site = folder.load(SpecFolder.VALID + "port: 80\n");
        Host local = HostProfiles.local(dir, Map.of());

        assertThat(folder.loader().validateAgainst(site, local)).containsExactly(new Problem(site.specFile(), 9, 7,
                "port 80 is outside the host's range 3333-3999 (host profile 'local'); pick a port from 3333-3999"
                        + " or write port: auto"));
    }

    @Test
    void acceptsAFixedPortInsideTheRangeAndAutomaticPorts() {
        SpecFolder folder = new SpecFolder(dir);
        Host local = HostProfiles.local(dir, Map.of());

        assertThat(folder.loader().validateAgainst(folder.load(SpecFolder.VALID + "port: 3999\n"), local)).isEmpty();
        assertThat(folder.loader().validateAgainst(folder.load(SpecFolder.VALID), local)).isEmpty();
    }
}
