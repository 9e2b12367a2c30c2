package dev.alive.deploy.legacy;

import java.nio.file.Path;
import java.util.List;

/**
 * One instance {@code site@<slug>.service} of the template, with the directives systemd runs it
 * with: the template's, with the drop-ins' replacements applied and the specifiers ({@code %i},
 * {@code %I}, {@code %n}, {@code %p}, {@code %%}) filled in.
 *
 * @param slug the instance name, as the as-is scripts named it (never recomputed)
 * @param enabled whether a {@code *.wants/} link starts it at boot
 * @param environmentFiles the EnvironmentFile paths, an optional one's {@code -} dropped
 * @param execStart the command lines, after a drop-in's {@code ExecStart=} reset
 * @param problems what systemd would run differently from the template and its drop-ins
 */
public record UnitInstance(String name, String slug, boolean enabled, String user, String workingDirectory,
                           List<String> environmentFiles, List<String> execStart, List<Path> dropIns,
                           List<String> problems) {
    public UnitInstance {
        environmentFiles = List.copyOf(environmentFiles);
        execStart = List.copyOf(execStart);
        dropIns = List.copyOf(dropIns);
        problems = List.copyOf(problems);
    }
}
