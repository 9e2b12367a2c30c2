package dev.alive.cli.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a deploy leaves behind, in a form two deploys can be compared by: the domain rows (without
 * time stamps and generated ids; the current release id written as {@code <release>}), how many accounts exist, every path under the host's root with the
 * text of env files and service definitions (the root written as {@code <root>}) and the {@code current} link (not the logs, which grow), the
 * open runs and locks, and how many site processes are alive.
 */
record DeployedState(List<Map<String, Object>> domains, long users, long orgs, long memberships,
                     Map<String, String> files, long unfinishedRuns, long locks, int siteProcesses) {

    static DeployedState of(FreshDatabase database, Path root) {
        var domains = database.rows("select hostname, port, host, status, current_release from app.domains order by hostname");
        var files = files(root);
        for (var domain : domains) {
            var release = String.valueOf(domain.get("current_release"));
            domain.put("current_release", "<release>");
            files = withoutReleaseId(files, release);
        }
        return new DeployedState(
                domains,
                database.count("select count(*) from iam.users"),
                database.count("select count(*) from iam.orgs"),
                database.count("select count(*) from iam.org_memberships"),
                files,
                database.count("select count(*) from alive.runs where outcome = 'RUNNING'"),
                database.count("select count(*) from alive.locks"),
                SiteProcesses.under(root.resolve("sites")).size());
    }

    /** Release ids are digests keyed per database (secret env inputs): equal deploys on two databases differ in them. */
    private static Map<String, String> withoutReleaseId(Map<String, String> files, String release) {
        var renamed = new TreeMap<String, String>();
        files.forEach((path, text) -> renamed.put(path.replace(release, "<release>"), text.replace(release, "<release>")));
        return renamed;
    }

    private static Map<String, String> files(Path root) {
        var files = new TreeMap<String, String>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var relative = root.relativize(path).toString();
                files.put(relative, describe(root, path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String describe(Path root, Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "-> " + Files.readSymbolicLink(path).getFileName();
        }
        if (Files.isDirectory(path)) {
            return "dir";
        }
        var name = path.getFileName().toString();
        if (name.endsWith(".env") || name.endsWith(".service")) {
            return Files.readString(path).replace(root.toString(), "<root>");
        }
        return "file";
    }
}
