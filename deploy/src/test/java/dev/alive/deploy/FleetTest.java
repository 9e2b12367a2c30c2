package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several sites in one apply: one graph, one unit per site, each committed or rolled back on its own. */
@Tag("slow")
class FleetTest {

    private static final Pattern RESERVED = Pattern.compile("^(\\S+)/port: reserved port (\\d+)$");

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.local(dir);
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void threeSitesGetDistinctPortsAndABrokenOneIsRolledBackAlone() throws IOException {
        var one = host.site("one.alive.test");
        var broken = host.site("two.alive.test");
        var three = host.site("three.alive.test");
        RedeployTest.edit(broken.template().resolve("build.js"), "'use strict';",
                "'use strict';\nthrow new Error('broken on purpose');");

        var applied = host.deploy(one, broken, three);

        var reserved = applied.events().lines().stream().map(RESERVED::matcher).filter(m -> m.matches())
                .map(m -> m.group(2)).toList();
        assertThat(reserved).as("%s", applied).hasSize(3).doesNotHaveDuplicates();
        assertThat(applied.unit(one).outcome()).as("%s", applied).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(applied.unit(three).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(applied.unit(broken).outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(applied.unit(broken).failure().orElseThrow().task()).isEqualTo(TaskId.of(broken.domain(), "build"));
        assertThat(host.port(one)).isNotEqualTo(host.port(three));
        assertThat(host.servedThroughProxy(one)).isTrue();
        assertThat(host.servedThroughProxy(three)).isTrue();
        assertThat(host.getDirect(three, "/").body()).contains("Hello from alive");
        assertThat(HostScan.filesOf(host, broken, one, three)).isEmpty();
        assertThat(HostScan.stateOf(host, broken)).isEmpty();
    }
}
