package dev.alive.deploy.reliability;

import dev.alive.specs.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One site as deployed, with everything that differs between two equally clean deploys replaced by
 * placeholders (root, domain, slug, port, release id, run ids): so a deploy that went through a
 * failure and a recovery can be compared with a clean one in another root or under another domain.
 *
 * @param files normalised path to type, mode and normalised content
 * @param state the domain row's status, whether it names the current release, and the committed task names
 */
record SiteView(SortedMap<String, String> files, String state, String process, String served) {

    static SiteView of(ReliabilityHost host, Site site) {
        var deployments = host.open("");
        try (deployments) {
            var row = deployments.domain(site.domain()).orElse(null);
            var replacements = new LinkedHashMap<String, String>();
            replacements.put(host.root().toString(), "<root>");
            releases(deployments, site).forEach(release -> replacements.put(release, "<release>"));
            replacements.put(site.domain(), "<domain>");
            replacements.put(site.slug(), "<slug>");
            if (row != null) {
                replacements.put("PORT=" + row.port(), "PORT=<port>");
                replacements.put(":" + row.port(), ":<port>");
            }
            var state = row == null ? "no row" : "status=" + row.status() + " release="
                    + (row.currentRelease() == null ? "none" : normalise(row.currentRelease(), replacements))
                    + " org=" + (row.orgId() != null) + " tasks="
                    + deployments.stateStore().committedUnit(site.domain()).keySet().stream()
                            .map(dev.alive.engine.task.TaskId::name).sorted().toList();
            var pidFile = host.root().resolve("services").resolve(site.slug() + ".pid");
            var process = Files.exists(pidFile) ? ReliabilityHost.service(pidFile).pid()
                    .map(pid -> World.isLive(pid) ? "live" : "dead").orElse("no pid") : "no pid file";
            var served = normalise(Loopback.get(host.host().proxy().listenAddress(), site.domain(), "/"),
                    replacements);
            return new SiteView(files(host.root(), site, replacements), state, process, served);
        }
    }

    private static java.util.List<String> releases(dev.alive.deploy.HostOperations deployments, Site site) {
        var dir = deployments.paths(site.domain()).releasesDir();
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SortedMap<String, String> files(Path root, Site site, Map<String, String> replacements) {
        var files = new TreeMap<String, String>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var relative = root.relativize(path).toString();
                boolean ofSite = relative.contains(site.domain()) || relative.contains(site.slug());
                if (ofSite && !relative.matches("sites/[^/]+/\\.[^/]+(/.*)?")) {
                    files.put(normalise(relative, replacements), describe(path, replacements));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String describe(Path path, Map<String, String> replacements) {
        try {
            var attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            var head = PosixFilePermissions.toString(attributes.permissions()) + " " + attributes.owner().getName();
            if (attributes.isSymbolicLink()) {
                return "link " + head + " -> " + normalise(Files.readSymbolicLink(path).toString(), replacements);
            }
            if (attributes.isDirectory()) {
                return "dir " + head;
            }
            var name = path.getFileName().toString();
            if (name.endsWith(".log") || name.endsWith(".pid")) {
                return "file " + head;
            }
            var text = normalise(new String(Files.readAllBytes(path), StandardCharsets.UTF_8), replacements);
            return "file " + head + " " + Integer.toHexString(text.hashCode());
        } catch (IOException e) {
            return "unreadable " + e.getMessage();
        }
    }

    private static String normalise(String text, Map<String, String> replacements) {
        var result = text.replaceAll("built at \\S+", "built at <time>");
        for (var entry : replacements.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
