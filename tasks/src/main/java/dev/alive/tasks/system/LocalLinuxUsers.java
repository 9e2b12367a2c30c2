package dev.alive.tasks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site users of this machine, through {@code useradd} and {@code userdel}.
 * With a prefix (a temporary root in tests, a host profile's root) the programs get
 * {@code --prefix <root>} and lookups read {@code <root>/etc/passwd}; without one, {@code /etc}.
 */
public final class LocalLinuxUsers implements LinuxUsers {
    private static final int EXIT_USER_EXISTS = 9;
    private static final int EXIT_NO_SUCH_USER = 6;
    private static final Map<String, String> ENVIRONMENT = Map.of("PATH", Executables.SYSTEM_PATH);

    private final CommandRunner commands;
    private final Optional<Path> prefix;

    /** Users of this machine ({@code /etc}). */
    public LocalLinuxUsers(CommandRunner commands) {
        this(commands, Optional.empty());
    }

    /** Users of the root at {@code prefix}, which must hold etc/passwd, group, shadow, gshadow, login.defs. */
    public LocalLinuxUsers(CommandRunner commands, Optional<Path> prefix) {
        this.commands = commands;
        this.prefix = prefix;
    }

    @Override
    public boolean ensure(String name, Path home) {
        if (lookup(name).isPresent()) {
            return false;
        }
        List<String> argv = new ArrayList<>(List.of("useradd", "--system", "--user-group",
                "--shell", "/usr/sbin/nologin", "--home-dir", home.toString(), "--no-create-home"));
        argv.addAll(prefixArguments());
        argv.add(name);
        try {
            commands.run(command(argv));
            return true;
        } catch (CommandFailedException e) {
            if (e.exitCode() == EXIT_USER_EXISTS) {
                return false; // created meanwhile by someone else
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String name) {
        List<String> argv = new ArrayList<>(List.of("userdel"));
        argv.addAll(prefixArguments());
        argv.add(name);
        try {
            commands.run(command(argv));
        } catch (CommandFailedException e) {
            if (e.exitCode() == EXIT_NO_SUCH_USER) {
                return false;
            }
            throw e;
        }
        if (groupExists(name)) { // login.defs without USERGROUPS_ENAB keeps the group
            List<String> groupdel = new ArrayList<>(List.of("groupdel"));
            groupdel.addAll(prefixArguments());
            groupdel.add(name);
            commands.run(command(groupdel));
        }
        return true;
    }

    /** The user from {@code <root>/etc/passwd}. */
    @Override
    public Optional<LinuxUser> lookup(String name) {
        return readLines("passwd").stream()
                .map(line -> line.split(":", -1))
                .filter(fields -> fields.length >= 7 && fields[0].equals(name))
                .findFirst()
                .map(f -> new LinuxUser(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Path.of(f[5]), f[6]));
    }

    /** The ids from {@code /proc/self}; the name from the JVM. */
    @Override
    public LinuxUser aliveUser() {
        try {
            var self = Path.of("/proc/self");
            return new LinuxUser(System.getProperty("user.name"), (Integer) Files.getAttribute(self, "unix:uid"),
                    (Integer) Files.getAttribute(self, "unix:gid"), Path.of(System.getProperty("user.home")), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alive's own user ids from /proc/self", e);
        }
    }

    private boolean groupExists(String name) {
        return readLines("group").stream().anyMatch(line -> line.startsWith(name + ":"));
    }

    private List<String> readLines(String etcFile) {
        Path file = prefix.orElse(Path.of("/")).resolve("etc").resolve(etcFile);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private List<String> prefixArguments() {
        return prefix.map(root -> List.of("--prefix", root.toString())).orElse(List.of());
    }

    private static Command command(List<String> argv) {
        return Command.of(Path.of("/"), argv).withEnvironment(ENVIRONMENT);
    }
}
