package dev.alive.cli.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fixture itself: two containers at once, systemd as PID 1, writes that stay inside, nothing left behind. */
@Tag("slow")
class SystemdContainerTest {

    @Test
    void bootsTwoIsolatedSystemdsAtOnceAndLeavesNothingBehind() throws Exception {
        SystemdContainer first = null;
        SystemdContainer second = null;
        try {
            first = Containers.bootOrSkip("fixture");
            second = Containers.bootOrSkip("fixture");
            assertThat(first.name()).isNotEqualTo(second.name());

            assertThat(first.exec("cat", "/proc/1/comm").orFail().out().trim()).isEqualTo("systemd");
            assertThat(first.exec("systemctl", "--version").orFail().out()).startsWith("systemd ");
            assertThat(first.bootState()).isIn("running", "degraded");

            // the checkout is visible inside, wherever it lies (a container mounts its own tmpfs on /tmp),
            // and read-only: a test cannot write through to the host's files
            var pom = Containers.CHECKOUT.resolve("pom.xml").toString();
            assertThat(first.exec("cat", pom).orFail().out()).isEqualTo(Files.readString(Path.of(pom)));
            var write = first.exec("touch", Containers.CHECKOUT.resolve("alive-container-write").toString());
            assertThat(write.ok()).as(write.toString()).isFalse();

            // the host's enabled services are masked: no second PostgreSQL on the shared network
            var postgres = first.exec("systemctl", "is-active", "postgresql.service");
            assertThat(postgres.out().trim()).as(postgres.toString()).isIn("inactive", "failed");
            assertThat(first.exec("systemctl", "is-enabled", "postgresql.service").out().trim()).isEqualTo("masked-runtime");

            // a user and a file made inside exist only there
            var user = "alive-fixture-" + ProcessHandle.current().pid();
            first.exec("useradd", "--system", "--no-create-home", user).orFail();
            first.exec("sh", "-c", "echo inside > /etc/alive-fixture-" + user).orFail();
            assertThat(first.exec("id", user).ok()).isTrue();
            assertThat(second.exec("id", user).ok()).isFalse();
            assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain(user + ":");
            assertThat(Path.of("/etc/alive-fixture-" + user)).doesNotExist();
            assertThat(Files.readString(first.path("/etc/alive-fixture-" + user))).isEqualTo("inside\n");
        } finally {
            Containers.stop(first);
            Containers.stop(second);
        }
        for (var container : new SystemdContainer[] {first, second}) {
            assertThat(SystemdContainer.CGROUP_UNIFIED.resolve(container.name())).doesNotExist();
            assertThat(SystemdContainer.CGROUP_V1_SYSTEMD.resolve(container.name())).doesNotExist();
            assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(container.name());
            assertThat(ProcessHandle.of(container.leader())).isEmpty();
        }
    }
}
