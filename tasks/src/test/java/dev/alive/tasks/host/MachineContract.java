package dev.alive.tasks.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandFailedException;
import dev.alive.tasks.system.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Machine} must do, checked on real files in a temporary folder, real commands
 * and a real HTTP server. An implementation's test extends this and says how to reach the files
 * it wrote ({@link #local}): the local machine writes them right here.
 */
public abstract class MachineContract {

    @TempDir
    protected Path dir;

    protected Machine machine;
    protected MachineFiles files;

    /** The machine under test, for a host profile rooted at {@code root} without a proxy. */
    protected abstract Machine machine(Path root);

    /** Where the machine's {@code path} can be inspected from this test. */
    protected abstract Path local(Path path);

    @BeforeEach
    void machine() {
        machine = machine(dir);
        files = machine.files();
    }

    @Test
    void writesAFileAtomicallyWithExactlyTheModeAskedFor() throws IOException {
        var file = dir.resolve("site.env");
        files.write(file, "A=1\n".getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-r-----"));
        files.write(file, "A=2\n".getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-------"));

        assertThat(files.read(file)).contains("A=2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(file)))).isEqualTo("rw-------");
        try (var left = Files.list(local(dir))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("site.env");
        }
    }

    @Test
    void givesAWrittenFileTheOwnerAskedFor() throws IOException {
        var own = machine.users().aliveUser();
        var file = dir.resolve("owned");
        files.write(file, new byte[0], FileAccess.of("rw-r-----").ownedBy(own.uid(), own.gid()));

        assertThat(Files.getAttribute(local(file), "unix:uid")).isEqualTo(own.uid());
        assertThat(Files.getAttribute(local(file), "unix:gid")).isEqualTo(own.gid());
    }

    @Test
    void readsNothingAndFindsNothingWhereNoFileIs() {
        var missing = dir.resolve("missing");

        assertThat(files.read(missing)).isEmpty();
        assertThat(files.exists(missing)).isFalse();
        assertThat(files.isDirectory(missing)).isFalse();
        assertThat(files.isRegularFile(missing)).isFalse();
        assertThat(files.readLink(missing)).isEmpty();
        assertThat(files.list(missing)).isEmpty();
        assertThat(files.lastLines(missing, 5)).isEmpty();
        assertThat(files.remove(missing)).isFalse();
        assertThat(files.removeTree(missing)).isFalse();
    }

    @Test
    void listsAFoldersEntriesByNameAsTheyAreNotAsTheirTargets() throws IOException {
        files.makeDirectories(dir.resolve("list/b-folder"));
        files.write(dir.resolve("list/a-file"), new byte[] {1}, FileAccess.of("rw-r--r--"));
        files.symlink(dir.resolve("list/c-link"), Path.of("b-folder"));
        var when = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(local(dir.resolve("list/b-folder")), when);

        var entries = files.list(dir.resolve("list"));

        assertThat(entries).extracting(FileEntry::name).containsExactly("a-file", "b-folder", "c-link");
        assertThat(entries).extracting(FileEntry::kind)
                .containsExactly(FileEntry.Kind.FILE, FileEntry.Kind.DIRECTORY, FileEntry.Kind.SYMLINK);
        assertThat(entries.get(1).modified()).isEqualTo(when.toInstant());
    }

    @Test
    void pointsASymlinkAndRepointsItInOneStep() throws IOException {
        files.makeDirectories(dir.resolve("releases/r1"));
        files.makeDirectories(dir.resolve("releases/r2"));
        var current = dir.resolve("current");

        files.symlink(current, Path.of("releases/r1"));
        files.symlink(current, Path.of("releases/r2"));

        assertThat(files.readLink(current)).contains(Path.of("releases/r2"));
        assertThat(files.isDirectory(current)).isTrue();
        assertThat(files.readLink(dir.resolve("releases/r1"))).isEmpty();
        try (var left = Files.list(local(dir))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("releases", "current");
        }
    }

    @Test
    void removesAFileALinkButNeverItsTargetAndAWholeTreeOnlyWhenAskedTo() throws IOException {
        files.makeDirectories(dir.resolve("tree/deep/er"));
        files.write(dir.resolve("tree/deep/er/file"), new byte[] {1}, FileAccess.of("rw-------"));
        files.symlink(dir.resolve("link"), dir.resolve("tree"));

        assertThat(files.remove(dir.resolve("link"))).isTrue();
        assertThat(files.exists(dir.resolve("tree/deep/er/file"))).isTrue();
        assertThatThrownBy(() -> files.remove(dir.resolve("tree"))).isInstanceOf(UncheckedIOException.class);
        assertThat(files.removeTree(dir.resolve("tree"))).isTrue();
        assertThat(Files.exists(local(dir.resolve("tree")), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void copiesATreeWithModesAndLinksLeavingOutWhatIsExcluded() throws IOException {
        var from = dir.resolve("template");
        files.makeDirectories(from.resolve("src/node_modules/x"));
        files.makeDirectories(from.resolve("dist"));
        files.write(from.resolve("run.sh"), "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), FileAccess.of("rwxr-x---"));
        files.write(from.resolve("src/app.js"), new byte[] {1}, FileAccess.of("rw-r--r--"));
        files.write(from.resolve("dist/out.js"), new byte[] {1}, FileAccess.of("rw-r--r--"));
        files.symlink(from.resolve("src/alias.js"), Path.of("app.js"));
        var to = dir.resolve("release");

        files.copyTree(from, to, new TreeExcludes(Set.of("node_modules"), Set.of("dist")));

        assertThat(files.read(to.resolve("src/app.js"))).isPresent();
        assertThat(files.readLink(to.resolve("src/alias.js"))).contains(Path.of("app.js"));
        assertThat(files.exists(to.resolve("src/node_modules"))).isFalse();
        assertThat(files.exists(to.resolve("dist"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(to.resolve("run.sh")))))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void restrictsATreeToItsOwnerAndGroup() throws IOException {
        var root = dir.resolve("release");
        files.makeDirectories(root.resolve("sub"), FileAccess.of("rwxrwxrwx"));
        files.write(root.resolve("sub/file"), new byte[] {1}, FileAccess.of("rwxrwxrwx"));

        files.restrictTree(root);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(root.resolve("sub")))))
                .isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(root.resolve("sub/file")))))
                .isEqualTo("rwxr-x---");
    }

    @Test
    void givesAFolderItsModeAlsoWhenItIsThereAlready() throws IOException {
        var folder = dir.resolve("site");
        files.makeDirectories(folder, FileAccess.of("rwxrwxrwx"));

        files.makeDirectories(folder, FileAccess.of("rwxr-x---"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(folder)))).isEqualTo("rwxr-x---");
    }

    @Test
    void refusesToGiveAModeThroughASymbolicLinkInAFoldersPlace() throws IOException {
        var elsewhere = dir.resolve("elsewhere");
        files.makeDirectories(elsewhere, FileAccess.of("rwx------"));
        var folder = dir.resolve("site/releases");
        files.makeDirectories(folder.getParent());
        files.symlink(folder, elsewhere);

        assertThatThrownBy(() -> files.makeDirectories(folder, FileAccess.of("rwxr-x---")))
                .hasMessageContaining("cannot create " + folder + ": a symbolic link is in its place");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(elsewhere)))).isEqualTo("rwx------");
    }

    @Test
    void copiesAFileOverAnotherKeepingItsModeAndMovesItBackInOneStep() throws IOException {
        var file = dir.resolve("a.env");
        var backup = dir.resolve("a.env.backup");
        files.write(file, "old".getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-r-----"));
        files.write(backup, "older".getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-------"));

        files.copyFile(file, backup);
        files.write(file, "new".getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-------"));
        files.moveAtomically(backup, file);

        assertThat(files.read(file)).contains("old");
        assertThat(files.exists(backup)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local(file)))).isEqualTo("rw-r-----");
    }

    @Test
    void readsTheLastLinesOfALog() {
        var log = dir.resolve("app.log");
        files.write(log, "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-------"));

        assertThat(files.lastLines(log, 2)).containsExactly("two", "three");
    }

    @Test
    void runsACommandByItsArgumentVectorWithExactlyItsEnvironment() {
        var lines = new ArrayList<String>();
        machine.commands().run(Command.of(dir, "env").withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH,
                "GREETING", "hello; rm -rf /")), lines::add);

        assertThat(lines).containsExactlyInAnyOrder("PATH=" + Executables.SYSTEM_PATH, "GREETING=hello; rm -rf /");
    }

    @Test
    void reportsAFailedCommandAsAFailureNamingItAndItsOutput() {
        var command = Command.of(dir, "sh", "-c", "echo broken; exit 3")
                .withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH));

        assertThatThrownBy(() -> machine.commands().run(command))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.lastLines()).containsExactly("broken");
                    assertThat(((AliveException) e).category()).isEqualTo(ErrorCategory.FAILED);
                });
    }

    @Test
    void knowsTheUserAliveRunsAsAndNoUserThatDoesNotExist() {
        var own = machine.users().aliveUser();

        assertThat(own.uid()).isNotNegative();
        assertThat(own.name()).isNotBlank();
        assertThat(machine.users().lookup("no-such-user-alive-test")).isEmpty();
    }

    @Test
    void reachesAnAppListeningOnAPortOfTheMachine() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            var port = server.getAddress().getPort();

            assertThat(machine.http().status(port, "/health", Duration.ofSeconds(2))).isEqualTo(204);
            assertThat(machine.http().authority(port)).endsWith(":" + port);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void findsNothingListeningOnAFreePort() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var free = port;

        assertThatThrownBy(() -> machine.http().status(free, "/", Duration.ofSeconds(1)))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void hasNoProxyWhereTheHostProfileHasNone() {
        assertThat(machine.proxy()).isEqualTo(Optional.empty());
    }
}
