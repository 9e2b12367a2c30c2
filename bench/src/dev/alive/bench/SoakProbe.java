package dev.alive.bench;

import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.RunListener;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.specs.SpecLoader;
import dev.alive.deploy.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scenario 7's in-process part, run in its own JVM by {@link SoakScenario}: {@code applies} applies
 * of one site through deploy's {@link HostOperations} (opened per apply, as each {@code alive apply}
 * process does), every other one after an edit of the template's page (so a release, a build and a
 * restart each time), the others no-ops. After each checkpoint it checkpoints the SQLite WAL and
 * prints the file's size and the row count of every alive_ table as {@code RESULT|...} lines.
 */
public final class SoakProbe {

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        var applies = Integer.parseInt(args[1]);
        var checkpoints = new TreeSet<Integer>();
        for (var part : args[2].split(",")) {
            checkpoints.add(Integer.parseInt(part));
        }
        var environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(Alive.withPassword());
        Host host = SpecLoader.withEnvironment(environment).loadHost(dir.resolve("host.yaml"));
        List<Site> sites = SpecSet.load(List.of(dir.resolve("sites/s0001.yaml")), dir, environment, host);
        new SoakProbe(dir, host, sites, environment).run(applies, checkpoints);
    }

    private final Path dir;
    private final Host host;
    private final List<Site> sites;
    private final Map<String, String> environment;

    private SoakProbe(Path dir, Host host, List<Site> sites, Map<String, String> environment) {
        this.dir = dir;
        this.host = host;
        this.sites = sites;
        this.environment = environment;
    }

    private void run(int applies, Set<Integer> checkpoints) throws Exception {
        var changed = new ArrayList<Double>();
        var unchanged = new ArrayList<Double>();
        for (var i = 1; i <= applies; i++) {
            var changes = i > 1 && i % 2 == 0;
            if (changes) {
                Fixtures.touchTemplate(dir.resolve("sites"), i);
            }
            var start = System.nanoTime();
            var ran = apply(i);
            var seconds = (System.nanoTime() - start) / 1e9;
            if (i > 1) {
                (changes ? changed : unchanged).add(seconds);
                if (changes != ran > 0) {
                    throw new IllegalStateException("apply " + i + (changes ? " changed the template but ran nothing"
                            : " changed nothing but ran " + ran + " tasks"));
                }
            }
            if (checkpoints.contains(i)) {
                report(i);
            }
        }
        print("apply after a template edit", "s", Result.median(toArray(changed)), changed.size() + " applies, median");
        print("no-op apply", "s", Result.median(toArray(unchanged)), unchanged.size() + " applies, median");
    }

    /** One apply as an {@code alive apply} process makes it; returns how many tasks ran. */
    private int apply(int number) {
        try (var operations = HostOperations.open(host, environment)) {
            var result = operations.apply(new ApplyRequest(sites, PasswordSource.environment(), ApplyOptions.defaults()),
                    new RunListener() { });
            if (!result.succeeded()) {
                throw new IllegalStateException("apply " + number + " failed: " + result);
            }
            return result.finished().stream().mapToInt(unit -> unit.ran().size()).sum();
        }
    }

    private void report(int applies) throws Exception {
        var file = Path.of(host.state().substring("sqlite:".length()));
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            var tables = new ArrayList<String>();
            try (var rs = statement.executeQuery("select name from sqlite_master where type = 'table'"
                    + " and name like 'alive\\_%' escape '\\' order by name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            var note = new StringBuilder();
            for (var table : tables) {
                try (var rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    var rows = rs.getLong(1);
                    print("rows of " + table + " after " + applies + " applies", "rows", rows, "");
                }
            }
            try (var rs = statement.executeQuery("select count(*) from alive_runs where run_id not in"
                    + " (select run_id from alive_task_states where run_id is not null)")) {
                rs.next();
                print("runs beyond keepRuns " + host.keepRuns() + " holding no committed state, after " + applies
                        + " applies", "runs", Math.max(0, rs.getLong(1) - host.keepRuns()), "must be 0");
            }
            long pages;
            long free;
            try (var rs = statement.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            try (var rs = statement.executeQuery("PRAGMA freelist_count")) {
                rs.next();
                free = rs.getLong(1);
            }
            note.append(pages).append(" pages, ").append(free).append(" free (reused, never returned: no VACUUM)");
            print("state.db after " + applies + " applies", "KB", Files.size(file) / 1024.0, note.toString());
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void print(String metric, String unit, double value, String note) {
        System.out.println("RESULT|" + metric + "|" + unit + "|" + String.format(Locale.ROOT, "%.6f", value) + "|" + note);
        System.out.flush();
    }

}
