package dev.alive.tasks.system;

import dev.alive.specs.Host;
import dev.alive.specs.Host.Limits;
import dev.alive.specs.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The systemd unit of one site, {@code site@<slug>.service}: runs the start command from
 * {@code <siteDir>/current} as the site user with {@code <envDir>/<slug>.env}, within the host's
 * {@link Limits}; restarts on failure, at most {@value #START_BURST} starts a minute (then it
 * stays failed); a stop sends SIGTERM to the main process, then after {@value #STOP_TIMEOUT_SECONDS}
 * s SIGKILL to all ({@code KillMode=mixed}). Hardened so {@code systemd-analyze security} scores it
 * 1.1 offline and on a running systemd 252 (at most {@link SystemdUnits#MAX_EXPOSURE} is
 * required). See {@link UnitHardening} for the directives and why some are absent.
 *
 * @param execStart the argument vector with an absolute {@code argv[0]}; see {@link #execStart}
 * @param network {@link Network#ANY} lets the app call out; {@link Network#LOCALHOST_ONLY} adds
 *     {@code IPAddressDeny=any} and {@code IPAddressAllow=localhost}
 * @param limits {@code MemoryMax}, {@code CPUQuota}, {@code TasksMax}, {@code LimitNPROC},
 *     {@code LimitNOFILE}
 */
public record SystemdUnit(String slug, String description, String user, Path workingDirectory,
                          Path environmentFile, Path readWritePath, List<String> execStart,
                          Duration restartDelay, Network network, Limits limits) {

    public enum Network { ANY, LOCALHOST_ONLY }

    static final int START_BURST = 5;
    static final int STOP_TIMEOUT_SECONDS = 10;

    private static final String SAFE_PATH = "[A-Za-z0-9._/@+-]+";

    public SystemdUnit {
        execStart = List.copyOf(execStart);
        require(limits.memory(), "[1-9][0-9]*[KMGT]|infinity", "memory limit");
        require(slug, "[a-z0-9-]+", "slug");
        require(user, "[a-z_][a-z0-9_-]*", "user");
        require(workingDirectory.toString(), SAFE_PATH, "working directory");
        require(environmentFile.toString(), SAFE_PATH, "environment file");
        require(readWritePath.toString(), SAFE_PATH, "read-write path");
        if (execStart.isEmpty() || !execStart.get(0).startsWith("/")) {
            throw new IllegalArgumentException("ExecStart needs an absolute program path: " + execStart);
        }
        if (description.chars().anyMatch(Character::isISOControl)
                || execStart.stream().anyMatch(a -> a.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("control character in the description or ExecStart");
        }
    }

    /**
     * The unit of {@code site} on {@code host}: site dir {@code <sites>/<domain>}, working
     * directory {@code current} in it, env file {@code <envDir>/<slug>.env}, the site dir as the only
     * writable path, outbound network allowed, 2 s between restarts, the host's limits.
     */
    public static SystemdUnit forSite(Site site, Host host, String user, List<String> execStart) {
        Path siteDir = host.sites().resolve(site.domain());
        return new SystemdUnit(site.slug(), "alive site " + site.domain(), user, siteDir.resolve("current"),
                host.envDir().resolve(site.slug() + ".env"), siteDir, execStart, Duration.ofSeconds(2), Network.ANY,
                host.limits());
    }

    /**
     * The spec's start command as {@code ExecStart} words: split by {@link CommandLineSplitter}
     * (the rule {@link LocalCommandRunner} follows too); a bare program name is looked up on {@code
     * searchPath} and must exist; a relative one ({@code ./node_modules/.bin/vite}) is resolved
     * against {@code workingDirectory} without checking, since {@code current} may not exist yet.
     */
    public static List<String> execStart(String startCommand, String searchPath, Path workingDirectory) {
        List<String> words = new ArrayList<>(CommandLineSplitter.split(startCommand));
        String program = words.get(0);
        words.set(0, program.contains("/")
                ? workingDirectory.resolve(program).normalize().toString()
                : Executables.resolve(program, searchPath, workingDirectory).toString());
        return words;
    }

    /** {@code site@<slug>.service}, an instance name matching the as-is {@code site@.service} template. */
    public String fileName() {
        return fileName(slug);
    }

    /** The unit file name of the site with this slug: {@code site@<slug>.service}. */
    public static String fileName(String slug) {
        return "site@" + slug + ".service";
    }

    public String render() {
        return render(false);
    }

    /**
     * True when {@code ExecStart}'s program lives in the release ({@code ./node_modules/.bin/bun}
     * resolved against {@code current}): before the first activation it does not exist yet.
     */
    public boolean programIsInTheRelease() {
        return Path.of(execStart.get(0)).startsWith(workingDirectory);
    }

    /**
     * The text {@code systemd-analyze verify} checks: {@link #render()}, except that a program in
     * the release gets {@code ExecStart}'s {@code -} prefix, the one form verify does not look up
     * (systemd's {@code verify_executable} skips commands whose failure is ignored). The release may
     * not exist yet at install time; a program missing when the unit starts fails the health check,
     * which rolls back with the unit's journal. A host program ({@code /usr/bin/node}) is looked up.
     */
    public String renderForVerify() {
        return render(programIsInTheRelease());
    }

    private String render(boolean ignoreMissingProgram) {
        StringBuilder unit = new StringBuilder()
                .append("# Written by alive; changes are overwritten on the next apply.\n")
                .append("[Unit]\n")
                .append("Description=").append(specifiers(description)).append('\n')
                .append("After=network.target\n")
                .append("StartLimitIntervalSec=60\n")
                .append("StartLimitBurst=").append(START_BURST).append("\n\n")
                .append("[Service]\n")
                .append("Type=simple\n")
                .append("User=").append(user).append('\n')
                .append("Group=").append(user).append('\n')
                .append("WorkingDirectory=").append(specifiers(workingDirectory.toString())).append('\n')
                .append("EnvironmentFile=").append(specifiers(environmentFile.toString())).append('\n')
                .append("ExecStart=").append(ignoreMissingProgram ? "-" : "").append(execStart.stream().map(SystemdUnit::execWord)
                        .collect(Collectors.joining(" "))).append('\n')
                .append("Restart=on-failure\n")
                .append("RestartSec=").append(Math.max(1, restartDelay.toSeconds())).append('\n')
                .append("KillMode=mixed\n")
                .append("TimeoutStopSec=").append(STOP_TIMEOUT_SECONDS).append('\n')
                .append("MemoryMax=").append(limits.memory()).append('\n')
                .append("CPUQuota=").append(limits.cpuPercent()).append("%\n")
                .append("TasksMax=").append(limits.tasks()).append('\n')
                .append("LimitNPROC=").append(limits.processes()).append('\n')
                .append("LimitNOFILE=").append(limits.openFiles()).append('\n');
        UnitHardening.appendTo(unit, specifiers(readWritePath.toString()), network == Network.LOCALHOST_ONLY);
        return unit.append("\n[Install]\nWantedBy=multi-user.target\n").toString();
    }

    /** One ExecStart word: specifiers and variables escaped, quoted when it holds anything else. */
    static String execWord(String word) {
        String escaped = word.replace("%", "%%").replace("$", "$$");
        if (escaped.equals(";")) {
            return "\\;";
        }
        if (escaped.matches("[A-Za-z0-9_@%+=:,./$-]+")) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String specifiers(String value) {
        return value.replace("%", "%%");
    }

    private static void require(String value, String pattern, String what) {
        if (!value.matches(pattern)) {
            throw new IllegalArgumentException("unsafe " + what + " for a unit file: " + value);
        }
    }
}
