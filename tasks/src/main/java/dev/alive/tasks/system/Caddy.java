package dev.alive.tasks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code caddy} program and its admin endpoint. Every command runs with {@code HOME},
 * {@code XDG_DATA_HOME} and {@code XDG_CONFIG_HOME} inside {@code home} (under the host profile's
 * root), so Caddy writes nothing elsewhere (its autosave.json and .step folder land there).
 * Configs are Caddyfiles ({@code --adapter caddyfile}).
 */
public final class Caddy {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final CommandRunner commands;
    private final Path home;

    /** @param home Caddy's home folder, e.g. {@code <root>/var/lib/caddy}; created by Caddy as needed */
    public Caddy(CommandRunner commands, Path home) {
        this.commands = commands;
        this.home = home;
    }

    /**
     * Checks the whole configuration, imports included, without touching the running Caddy.
     *
     * @throws CaddyConfigInvalidException carrying Caddy's "Error:" line
     */
    public void validate(Path mainCaddyfile) {
        try {
            commands.run(caddy("validate", "--config", mainCaddyfile.toAbsolutePath().toString(), "--adapter", "caddyfile"));
        } catch (CommandFailedException e) {
            throw new CaddyConfigInvalidException(mainCaddyfile, errorLine(e, "validate"), e.lastLines());
        }
    }

    private static String errorLine(CommandFailedException e, String subcommand) {
        return e.lastLines().stream().filter(l -> l.startsWith("Error:"))
                .reduce((first, second) -> second).map(l -> l.substring("Error:".length()).trim())
                .orElse("caddy " + subcommand + " " + (e.exitCode() < 0 ? "did not finish" : "exited with " + e.exitCode()));
    }

    /**
     * The configuration as Caddy's JSON ({@code caddy adapt}): Caddy itself reads the Caddyfile,
     * imports and snippets included, so alive never parses one by hand. Touches no running Caddy.
     *
     * @throws CaddyConfigInvalidException carrying Caddy's "Error:" line (which names file and line)
     */
    public String adapt(Path caddyfile) {
        List<String> lines = new ArrayList<>();
        try {
            commands.run(caddy("adapt", "--config", caddyfile.toAbsolutePath().toString(), "--adapter", "caddyfile"),
                    lines::add);
        } catch (CommandFailedException e) {
            throw new CaddyConfigInvalidException(caddyfile, errorLine(e, "adapt"), e.lastLines());
        }
        // stdout (the config, one line) and stderr (log lines, {"level":...}) arrive merged
        return lines.stream().filter(line -> line.startsWith("{") && !line.startsWith("{\"level\""))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new CaddyConfigInvalidException(caddyfile, "caddy adapt printed no configuration",
                        lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }

    /** Loads the configuration into the running Caddy through its admin endpoint. */
    public void reload(Path mainCaddyfile, String adminAddress) {
        commands.run(caddy("reload", "--config", mainCaddyfile.toAbsolutePath().toString(), "--adapter", "caddyfile",
                "--address", ListenAddress.parse(adminAddress).toString()));
    }

    /** Whether the admin endpoint answers {@code GET /config/} with 200. */
    public boolean isRunning(String adminAddress) {
        try {
            return LocalHttp.get(configUri(adminAddress), Duration.ofSeconds(2), false).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The configuration Caddy is running, as JSON from the admin endpoint. */
    public String runningConfig(String adminAddress) {
        try {
            return LocalHttp.get(configUri(adminAddress), Duration.ofSeconds(5), true).body();
        } catch (IOException e) {
            throw new UncheckedIOException("Caddy's admin endpoint " + adminAddress + " did not answer", e);
        }
    }

    /**
     * Starts Caddy in the background ({@code caddy start}, which returns once the configuration is
     * loaded), in a session of its own so alive's terminal signals do not reach it, its output
     * appended to {@code <home>/caddy.log}, its pid in {@code <home>/caddy.pid}.
     *
     * @throws CommandFailedException with the log's last lines when it does not come up
     */
    public void start(Path mainCaddyfile) {
        try {
            Files.createDirectories(home, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Caddy's home " + home, e);
        }
        Command start = caddy("start", "--config", mainCaddyfile.toAbsolutePath().toString(), "--adapter", "caddyfile",
                "--pidfile", home.resolve("caddy.pid").toString());
        List<String> inOwnSession = new ArrayList<>(List.of("setsid"));
        inOwnSession.addAll(start.argv());
        commands.run(new Command(inOwnSession, start.workingDir(), start.environment(), start.runAs(), START_TIMEOUT,
                Optional.of(logFile())));
    }

    /** Stops the Caddy behind {@code adminAddress} and waits until its admin endpoint is gone. */
    public void stop(String adminAddress) {
        commands.run(caddy("stop", "--address", ListenAddress.parse(adminAddress).toString()));
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (isRunning(adminAddress) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Where {@link #start} sends Caddy's output. */
    public Path logFile() {
        return home.resolve("caddy.log");
    }

    private static URI configUri(String adminAddress) {
        return URI.create("http://" + ListenAddress.parse(adminAddress) + "/config/");
    }

    private Command caddy(String... arguments) {
        ArrayList<String> argv = new ArrayList<>(List.of("caddy"));
        argv.addAll(List.of(arguments));
        return Command.of(Path.of("/"), argv).withEnvironment(Map.of(
                "PATH", Executables.SYSTEM_PATH,
                "HOME", home.toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()));
    }
}
