package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxUsersTest {
    @TempDir
    Path root;

    private LinuxUsers users;

    @BeforeEach
    void prefixedRoot() throws Exception {
        PrefixRoot.create(root);
        users = new LocalLinuxUsers(new LocalCommandRunner(), Optional.of(root));
    }

    @Test
    void createsASystemUserOnceWithNologinShellAndItsOwnGroup() throws Exception {
        Path home = Path.of("/srv/sites/hello.alive.test");

        assertThat(users.ensure("site-hello-alive-test", home)).isTrue();
        assertThat(users.ensure("site-hello-alive-test", home)).isFalse();

        LinuxUser user = users.lookup("site-hello-alive-test").orElseThrow();
        assertThat(user.uid()).isBetween(100, 999);
        assertThat(user.gid()).isBetween(100, 999);
        assertThat(user.home()).isEqualTo(home);
        assertThat(user.shell()).isEqualTo("/usr/sbin/nologin");
        assertThat(Files.readString(root.resolve("etc/group"))).contains("site-hello-alive-test:x:" + user.gid() + ":");
        assertThat(home).doesNotExist();
        assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain("site-hello-alive-test");
    }

    @Test
    void deletesTheUserAndItsGroupAndSaysWhenThereWasNone() throws Exception {
        users.ensure("site-gone", Path.of("/srv/sites/gone"));

        assertThat(users.delete("site-gone")).isTrue();
        assertThat(users.delete("site-gone")).isFalse();

        assertThat(users.lookup("site-gone")).isEmpty();
        assertThat(Files.readString(root.resolve("etc/group"))).doesNotContain("site-gone");
    }

    @Test
    void findsNoUserThatIsNotThere() {
        assertThat(users.lookup("site-nobody-here")).isEmpty();
        assertThat(users.lookup("root")).hasValueSatisfying(u -> assertThat(u.uid()).isZero());
    }

    @Test
    void namesShortSlugsPlainly() {
        assertThat(LinuxUsers.userName("hello-alive-test")).isEqualTo("site-hello-alive-test");
        assertThat(LinuxUsers.userName("a23456789012345678901234567")).hasSize(32).isEqualTo("site-a23456789012345678901234567");
    }

    @Test
    void cutsLongSlugsWithAStableHashWithinThirtyTwoCharacters() {
        String a = LinuxUsers.userName("my-very-long-customer-domain-example-com");
        String b = LinuxUsers.userName("my-very-long-customer-domain-example-org");

        assertThat(a).isEqualTo("site-my-very-long-custo-663cc9c6"); // sha256sum of the slug starts 663cc9c6
        assertThat(b).hasSizeLessThanOrEqualTo(32).isNotEqualTo(a);
        assertThat(LinuxUsers.userName("my-very-long-customer-domain-example-com")).isEqualTo(a);
        assertThat(LinuxUsers.userName("abcdefghijklmnopqrs-uvwxyz-0123456789")).doesNotContain("--");
    }

    @Test
    void acceptsTheLongNameItMakes() {
        String name = LinuxUsers.userName("my-very-long-customer-domain-example-com");

        assertThat(users.ensure(name, Path.of("/srv/x"))).isTrue();
        assertThat(users.lookup(name)).isPresent();
    }
}
