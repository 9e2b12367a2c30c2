package dev.alive.deploy;

import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.tasks.system.LinuxUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks through a test host's files, processes and state store for what is left of a site. */
final class HostScan {

    private HostScan() {
    }

    /**
     * Every path under the host's root that belongs to no one but {@code site}: a path naming its
     * domain, slug or user, or any file that is not host-level (the state store, Caddy's main
     * Caddyfile and home) or of one of the {@code others}. Host-level folders may stay, empty.
     */
    static List<String> filesOf(TestHost host, Site site, Site... others) {
        var root = host.root();
        var names = names(site);
        var othersNames = Stream.of(others).flatMap(other -> names(other).stream()).toList();
        var left = new ArrayList<String>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var relative = root.relativize(path).toString();
                boolean named = names.stream().anyMatch(relative::contains);
                boolean ofOthers = othersNames.stream().anyMatch(relative::contains);
                boolean file = !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                if (named || (file && !ofOthers && !isHostLevel(relative))) {
                    left.add(relative);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return left;
    }

    private static List<String> names(Site site) {
        return List.of(site.domain(), site.slug(), LinuxUsers.userName(site.slug()));
    }

    private static boolean isHostLevel(String relative) {
        return relative.startsWith("state.db") || relative.equals("caddy/Caddyfile")
                || relative.startsWith("var/lib/alive/caddy/") || relative.startsWith("etc/");
    }

    /** What the state store still holds of the site: its domain row, committed states, lock, unfinished runs. */
    static List<String> stateOf(TestHost host, Site site) {
        var store = host.deployments().stateStore();
        var left = new ArrayList<String>();
        host.deployments().domain(site.domain()).ifPresent(row -> left.add("domain row " + row));
        if (!store.committedUnit(site.domain()).isEmpty()) {
            left.add("committed task states " + store.committedUnit(site.domain()).keySet());
        }
        store.lockHolder(site.domain()).ifPresent(holder -> left.add("lock held by " + holder));
        if (!store.unfinishedRuns(site.domain()).isEmpty()) {
            left.add("unfinished runs " + store.unfinishedRuns(site.domain()));
        }
        return left;
    }

    static boolean ownerExists(TestHost host, Site site) {
        try (var database = AliveDatabase.open(host.host().state())) {
            return database.accounts().findUser(site.owner().email()).isPresent();
        }
    }

    /** True when the process exists and is not a zombie. */
    static boolean isLive(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
