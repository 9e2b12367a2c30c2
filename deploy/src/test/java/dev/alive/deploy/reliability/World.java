package dev.alive.deploy.reliability;

import dev.alive.specs.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a deploy can change, captured at one moment: the file tree under the root (type, mode,
 * owner, content digest or link target), the state store's rows that matter (accounts, domains,
 * committed task states, locks, unfinished runs), the running site processes, Caddy's live config
 * and what each site serves through Caddy.
 *
 * <p>Left out: see {@link #ignored}; app log contents (their paths stay). Pid files are compared
 * as processes.
 *
 * @param processes slug to "pid N live|dead"
 */
record World(SortedMap<String, String> files, SortedMap<String, String> rows, SortedMap<String, String> processes,
        String caddyConfig, SortedMap<String, String> served) {

    private static final List<String> TABLES = List.of("users", "orgs", "org_memberships", "domains",
            "alive_task_states", "alive_locks");

    static World capture(ReliabilityHost host, List<Site> sites) {
        var root = host.root();
        var served = new TreeMap<String, String>();
        for (var site : sites) {
            served.put(site.domain(), Loopback.get(host.host().proxy().listenAddress(), site.domain(), "/"));
        }
        return new World(files(root), rows(root.resolve("state.db")), processes(root.resolve("services")),
                Loopback.get(host.host().proxy().adminAddress(), "localhost", "/config/"), served);
    }

    /** One line per difference to {@code after}; process ids are compared only when {@code samePids}. */
    List<String> differences(World after, boolean samePids) {
        var problems = new ArrayList<String>();
        diff("file", files, after.files, problems);
        diff("table", rows, after.rows, problems);
        diff("process", samePids ? processes : withoutPids(processes),
                samePids ? after.processes : withoutPids(after.processes), problems);
        if (!caddyConfig.equals(after.caddyConfig)) {
            problems.add("caddy config: " + caddyConfig + " -> " + after.caddyConfig);
        }
        diff("served", served, after.served, problems);
        return problems;
    }

    private static void diff(String what, Map<String, String> before, Map<String, String> after, List<String> out) {
        var keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (var key : keys) {
            var was = before.get(key);
            var is = after.get(key);
            if (!Objects.equals(was, is)) {
                out.add(what + " " + key + ": " + (was == null ? "(none)" : was) + " -> " + (is == null ? "(none)" : is));
            }
        }
    }

    private static SortedMap<String, String> withoutPids(SortedMap<String, String> processes) {
        var result = new TreeMap<String, String>();
        processes.forEach((slug, state) -> result.put(slug, state.replaceAll("pid \\d+ ", "")));
        return result;
    }

    /**
     * The state store's file, Caddy's storage, the engine's work folders (a run's own folder in them
     * is compared) and what package managers keep under a site's HOME (the site folder: {@code .npm}
     * logs and caches, which an undone install or build leaves, as a cache may).
     */
    private static boolean ignored(String relative) {
        return relative.startsWith("state.db") || relative.startsWith("var/lib/alive/caddy/")
                || relative.equals("work") || relative.equals("work/runs")
                || relative.matches("sites/[^/]+/\\.[^/]+(/.*)?");
    }

    private static SortedMap<String, String> files(Path root) {
        var files = new TreeMap<String, String>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var relative = root.relativize(path).toString();
                if (!ignored(relative)) {
                    files.put(relative, describe(path, relative));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String describe(Path path, String relative) {
        try {
            var attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            var head = PosixFilePermissions.toString(attributes.permissions()) + " " + attributes.owner().getName()
                    + ":" + attributes.group().getName();
            if (attributes.isSymbolicLink()) {
                return "link " + head + " -> " + Files.readSymbolicLink(path);
            }
            if (attributes.isDirectory()) {
                return "dir " + head;
            }
            boolean volatileContent = relative.startsWith("services/")
                    && (relative.endsWith(".log") || relative.endsWith(".pid"));
            return "file " + head + (volatileContent ? "" : " " + sha256(Files.readAllBytes(path)));
        } catch (IOException e) {
            return "unreadable " + e.getMessage();
        }
    }

    private static SortedMap<String, String> rows(Path database) {
        var rows = new TreeMap<String, String>();
        if (!Files.exists(database)) {
            return rows;
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            for (var table : TABLES) {
                try (var statement = connection.createStatement();
                     var result = statement.executeQuery("SELECT * FROM " + table)) {
                    var meta = result.getMetaData();
                    var lines = new TreeSet<String>();
                    while (result.next()) {
                        var line = new StringBuilder();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            var value = result.getString(column);
                            var name = meta.getColumnName(column);
                            line.append(name).append('=')
                                    .append(name.contains("password") && value != null ? sha256(value.getBytes()) : value)
                                    .append(' ');
                        }
                        lines.add(line.toString().strip());
                    }
                    rows.put(table, String.join("\n", lines));
                }
            }
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT count(*) FROM alive_runs WHERE outcome = 'RUNNING'")) {
                rows.put("unfinished runs", result.next() ? result.getString(1) : "?");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static SortedMap<String, String> processes(Path services) {
        var processes = new TreeMap<String, String>();
        if (!Files.isDirectory(services)) {
            return processes;
        }
        try (Stream<Path> files = Files.list(services)) {
            for (var pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                var name = pidFile.getFileName().toString();
                var pid = ReliabilityHost.service(pidFile).pid();
                processes.put(name.substring(0, name.length() - 4),
                        pid.map(p -> "pid " + p + " " + (isLive(p) ? "live" : "dead")).orElse("no pid"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return processes;
    }

    static boolean isLive(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
