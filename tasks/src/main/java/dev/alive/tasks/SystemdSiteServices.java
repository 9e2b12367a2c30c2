package dev.alive.tasks;

import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandFailedException;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.Executables;
import dev.alive.tasks.system.LinuxUsers;
import dev.alive.tasks.system.RunAs;
import dev.alive.tasks.system.SystemdUnit;
import dev.alive.tasks.system.SystemdUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code services: systemd}: a hardened {@code site@<slug>.service} per site under the host's
 * {@code etc/systemd/system}, verified before it is installed, then daemon-reload, enable, restart.
 * Tested on a running systemd 252 by cli's nspawn tests ({@code ProductionProfileTest}).
 */
final class SystemdSiteServices implements SiteServices {

    private final CommandRunner commands;
    /** When this process last restarted each unit: its log lines since then are the failing start's. */
    private final Map<String, Instant> restartedAt = new ConcurrentHashMap<>();

    SystemdSiteServices(CommandRunner commands) {
        this.commands = commands;
    }

    @Override
    public Path definitionFile(SiteContext site) {
        return unitDir(site).resolve(unit(site).fileName());
    }

    @Override
    public void install(SiteContext site, Optional<RunAs> user) {
        createDirectories(unitDir(site));
        var units = units(site);
        units.install(unit(site));
        units.daemonReload();
        units.enable(unit(site).fileName());
    }

    /** Also, when the unit file is gone (destroy, or undo of a first install), its enablement link and failed state. */
    @Override
    public void reload(SiteContext site) {
        var units = units(site);
        if (!Files.exists(definitionFile(site))) {
            units.disable(unit(site).fileName()); // removes multi-user.target.wants/<unit>, even dangling
            units.daemonReload();
            units.resetFailed(unit(site).fileName());
            return;
        }
        units.daemonReload();
    }

    /**
     * {@code reset-failed}, then {@code restart}: the unit's start limit (5 starts a minute) is for
     * crash loops between deploys, and must not refuse a start that alive asks for.
     */
    @Override
    public void restart(SiteContext site, Optional<RunAs> user) {
        var units = units(site);
        restartedAt.put(unit(site).fileName(), Instant.now());
        units.resetFailed(unit(site).fileName());
        units.restart(unit(site).fileName());
    }

    @Override
    public void stop(SiteContext site) {
        var units = units(site);
        if (units.isActive(unit(site).fileName())) {
            units.stop(unit(site).fileName());
        }
    }

    @Override
    public boolean isRunning(SiteContext site) {
        return units(site).isActive(unit(site).fileName());
    }

    /** The unit's invocation id: systemd gives every start of a unit a new one. */
    @Override
    public Optional<String> instance(SiteContext site) {
        if (!isRunning(site)) {
            return Optional.empty();
        }
        var lines = new ArrayList<String>();
        commands.run(Command.of(Path.of("/"), "systemctl", "show", "--property=InvocationID", "--value", "--",
                unit(site).fileName()).withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH)), lines::add);
        var id = String.join("", lines).trim();
        return Optional.of("invocation " + (id.isEmpty() ? "(unknown)" : id));
    }

    /**
     * The unit's last journal lines; after a restart by this process only those since that restart
     * (the start being checked, with systemd's automatic restarts of it), not older invocations'.
     */
    @Override
    public List<String> lastLogLines(SiteContext site, int lines) {
        var collected = new ArrayList<String>();
        var name = unit(site).fileName();
        var argv = new ArrayList<>(List.of("journalctl", "--no-pager", "--output=cat", "-n", Integer.toString(lines),
                "-u", name));
        var since = restartedAt.get(name);
        if (since != null) {
            argv.add("--since=@" + since.getEpochSecond());
        }
        try {
            commands.run(Command.of(Path.of("/"), argv.toArray(String[]::new))
                    .withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH)), collected::add);
        } catch (CommandFailedException e) {
            collected.add("(journalctl failed: " + e.getMessage() + ")");
        }
        return collected;
    }

    @Override
    public void purge(SiteContext site) {
        // the journal keeps the app's output; systemd removes nothing else
    }

    private SystemdUnit unit(SiteContext site) {
        var workingDir = site.paths().currentLink();
        var path = site.environment().getOrDefault("PATH", Executables.SYSTEM_PATH);
        return SystemdUnit.forSite(site.spec(), site.host(), LinuxUsers.userName(site.spec().slug()),
                SystemdUnit.execStart(site.spec().app().start(), path, workingDir));
    }

    private SystemdUnits units(SiteContext site) {
        return new SystemdUnits(commands, unitDir(site));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path unitDir(SiteContext site) {
        return site.host().root().resolve("etc/systemd/system");
    }
}
