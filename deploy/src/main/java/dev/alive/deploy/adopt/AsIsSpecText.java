package dev.alive.deploy.adopt;

import dev.alive.deploy.legacy.LegacyPaths;
import dev.alive.deploy.legacy.LegacySite;
import java.util.stream.Collectors;

/**
 * The spec of an adopted site ({@code layout: as-is}), with a comment per value naming the source
 * it was read from. The text depends only on what the server says (no time, no run id), so a
 * second import writes the same bytes. It holds no secret: the env file's values other than
 * DOMAIN and PORT are never read, and nothing of the registry but its ports.
 */
public final class AsIsSpecText {

    private AsIsSpecText() {
    }

    public static String of(LegacySite site, LegacyPaths paths) {
        var dropIns = site.dropIns().isEmpty() ? "no drop-in"
                : "drop-ins " + site.dropIns().stream().map(p -> p.getFileName().toString())
                        .collect(Collectors.joining(", "));
        return "# Adopted by `alive import legacy` as it runs: alive records this site and changes nothing of it.\n"
                + "# To move it to alive's own layout, set layout.kind: releases and add owner, template and app.\n"
                + "apiVersion: alive/v1  # alive's spec format\n"
                + "kind: Site  # one site\n"
                + "domain: " + site.domain() + "  # " + clean("Caddyfile block, " + site.envFile().getFileName()
                        + " DOMAIN=") + "\n"
                + "port: " + site.port() + "  # " + clean(String.join(", ", site.portSources())) + "\n"
                + "layout:\n"
                + "  kind: as-is  # deployed by the as-is scripts; workspace in place, no releases/\n"
                + "  slug: " + site.slug() + "  # " + clean("unit instance " + site.unit() + " and env file name") + "\n"
                + "  workspace: " + scalar(site.workspace()) + "  # " + clean("sites root " + site.workspace().getParent()) + "\n"
                + "  appDir: " + scalar(site.appDir()) + "  # " + clean("WorkingDirectory=" + site.workingDirectory()) + "\n"
                + "  unit: " + site.unit() + "  # " + clean(paths.unitsDir().resolve("site@.service") + ", " + dropIns)
                + "\n"
                + "  unitsDir: " + scalar(paths.unitsDir()) + "  # --units\n"
                + "  envFile: " + scalar(site.envFile()) + "  # " + clean("EnvironmentFile= of " + site.unit()) + "\n"
                + "  user: " + site.user() + "  # " + clean("User= of " + site.unit() + ", uid " + site.uid()
                        + " in " + paths.passwd()) + "\n"
                + "  caddyfile: " + scalar(paths.caddyfile()) + "  # " + clean("block " + site.domain() + " proxies to "
                        + site.caddy().upstream()) + "\n";
    }

    /** A path as a YAML scalar: plain when it is only safe characters, else double-quoted. */
    private static String scalar(java.nio.file.Path path) {
        var text = path.toString();
        return text.matches("[A-Za-z0-9/._@+-]+") ? text
                : "\"" + clean(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One line of comment: no line breaks or control characters. */
    private static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
