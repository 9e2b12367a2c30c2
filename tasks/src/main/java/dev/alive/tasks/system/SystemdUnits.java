package dev.alive.tasks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and installs unit files and drives {@code systemctl}, all through argument vectors.
 *
 * <p>{@link #verify} runs {@code systemd-analyze verify}, which without a running systemd still
 * parses the file, rejects unknown directives and sections, and checks that {@code ExecStart}'s
 * program exists (it does not check that {@code User=} exists). Because it exits 0 on
 * "Unknown key" warnings, any line that names the unit counts as a failure too. The {@code
 * systemctl} calls need systemd as PID 1: here they are tested by the vectors they build, and on a
 * real systemd 252 (an nspawn container) by cli's {@code ProductionProfileTest}.
 */
public final class SystemdUnits {
    /** The highest {@code systemd-analyze security} exposure {@link #install} accepts. */
    public static final double MAX_EXPOSURE = 1.5;
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for (\\S+): (\\d+(?:\\.\\d+)?)");
    private static final Map<String, String> ENVIRONMENT = Map.of("PATH", Executables.SYSTEM_PATH);

    private final CommandRunner commands;
    private final Path unitDir;

    /** @param unitDir where units are installed, normally {@code /etc/systemd/system} */
    public SystemdUnits(CommandRunner commands, Path unitDir) {
        this.commands = commands;
        this.unitDir = unitDir;
    }

    /** @throws UnitCheckFailedException with systemd-analyze's findings */
    public void verify(Path unitFile) {
        String name = unitFile.getFileName().toString();
        List<String> lines = new ArrayList<>();
        try {
            commands.run(command("systemd-analyze", "verify", "--man=no", "--recursive-errors=no", unitFile.toString()),
                    lines::add);
        } catch (CommandFailedException e) {
            throw new UnitCheckFailedException(unitFile, "systemd-analyze verify failed", e.lastLines());
        }
        List<String> findings = lines.stream().filter(l -> l.contains(name)).toList();
        if (!findings.isEmpty()) {
            throw new UnitCheckFailedException(unitFile, "systemd-analyze verify found problems", findings);
        }
    }

    /** The "Overall exposure level" of {@code systemd-analyze security --offline=true}, 0.0 to 10.0. */
    public double securityExposure(Path unitFile) {
        List<String> lines = new ArrayList<>();
        commands.run(command("systemd-analyze", "security", "--offline=true", "--no-pager", unitFile.toString()), lines::add);
        return lines.stream().map(EXPOSURE::matcher).filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(2))).findFirst()
                .orElseThrow(() -> new UnitCheckFailedException(unitFile, "no exposure level in the output", lines));
    }

    /**
     * Renders the unit into a private scratch folder, verifies it ({@link SystemdUnit#renderForVerify}:
     * a program in a release that does not exist yet is not looked up), checks its exposure is at
     * most {@link #MAX_EXPOSURE}, then writes it atomically (0644) into the unit folder.
     *
     * @return the installed file
     */
    public Path install(SystemdUnit unit) {
        byte[] text = unit.render().getBytes(StandardCharsets.UTF_8);
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("alive-unit", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path candidate = scratch.resolve(unit.fileName());
            Files.writeString(candidate, unit.renderForVerify());
            verify(candidate);
            Files.write(candidate, text);
            double exposure = securityExposure(candidate);
            if (exposure > MAX_EXPOSURE) {
                throw new UnitCheckFailedException(candidate, "exposure " + exposure + " is above " + MAX_EXPOSURE, List.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check unit " + unit.fileName(), e);
        } finally {
            if (scratch != null) {
                FileTrees.delete(scratch);
            }
        }
        Path installed = unitDir.resolve(unit.fileName());
        FileOps.writeAtomically(installed, text, "rw-r--r--");
        return installed;
    }

    /** Removes an installed unit file; true when there was one. */
    public boolean uninstall(String fileName) {
        try {
            return Files.deleteIfExists(unitDir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete unit " + fileName, e);
        }
    }

    public void daemonReload() {
        commands.run(command("systemctl", "daemon-reload"));
    }

    public void enable(String unitName) {
        commands.run(command("systemctl", "enable", "--", unitName));
    }

    public void restart(String unitName) {
        commands.run(command("systemctl", "restart", "--", unitName));
    }

    public void stop(String unitName) {
        commands.run(command("systemctl", "stop", "--", unitName));
    }

    public void disable(String unitName) {
        commands.run(command("systemctl", "disable", "--", unitName));
    }

    /** Forgets a failed unit's state; nothing when systemd has no such unit loaded. */
    public void resetFailed(String unitName) {
        try {
            commands.run(command("systemctl", "reset-failed", "--", unitName));
        } catch (CommandFailedException e) {
            // "Unit ... not loaded": nothing to forget
        }
    }

    /** {@code systemctl is-active --quiet}: exit 0 means active. */
    public boolean isActive(String unitName) {
        try {
            commands.run(command("systemctl", "is-active", "--quiet", "--", unitName));
            return true;
        } catch (CommandFailedException e) {
            return false;
        }
    }

    /** The unit's last {@code n} journal lines, for error messages; empty when journalctl fails. */
    public List<String> lastLogLines(String unitName, int n) {
        List<String> lines = new ArrayList<>();
        try {
            commands.run(command("journalctl", "--unit=" + unitName, "--lines=" + n, "--no-pager", "--output=cat"),
                    lines::add);
            return List.copyOf(lines);
        } catch (CommandFailedException e) {
            return List.of();
        }
    }

    private static Command command(String... argv) {
        return Command.of(Path.of("/"), argv).withEnvironment(ENVIRONMENT);
    }
}
