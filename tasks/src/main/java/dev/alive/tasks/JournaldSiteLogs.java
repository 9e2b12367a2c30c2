package dev.alive.tasks;

import dev.alive.specs.Site;
import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.Executables;
import dev.alive.tasks.system.StreamedCommand;
import dev.alive.tasks.system.SystemdUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A systemd site's logs: {@code journalctl} on its unit {@code site@<slug>.service}, each line as
 * {@code short-iso} prints it (the time, the host, the program and its pid, the message).
 * {@code --since} is relative ({@code --since=-600s}); following runs {@code journalctl --follow}
 * until the reader stops.
 */
final class JournaldSiteLogs implements SiteLogs {

    private final CommandRunner commands;

    JournaldSiteLogs(CommandRunner commands) {
        this.commands = commands;
    }

    @Override
    public String source(String domain) {
        return "the journal of " + unit(domain);
    }

    @Override
    public void read(String domain, Query query, Predicate<String> sink) {
        var command = command(unit(domain), query);
        if (query.follow()) {
            StreamedCommand.run(command, sink);
            return;
        }
        var wanted = new boolean[] {true};
        commands.run(command, line -> {
            if (wanted[0]) {
                wanted[0] = sink.test(line);
            }
        });
    }

    /** {@code site@<slug>.service}: the unit {@link SystemdUnit} installs. */
    static String unit(String domain) {
        return SystemdUnit.fileName(Site.slugOf(domain));
    }

    /** The journalctl command of a query: an argument vector, never a shell line. */
    static Command command(String unit, Query query) {
        var argv = new ArrayList<String>();
        argv.add("journalctl");
        argv.add("--no-pager");
        argv.add("--quiet");
        argv.add("--output=short-iso");
        argv.add("--unit=" + unit);
        argv.add("--lines=" + (query.lines().isPresent() ? Integer.toString(query.lines().getAsInt()) : "all"));
        query.since().ifPresent(since -> argv.add("--since=-" + span(since)));
        if (query.follow()) {
            argv.add("--follow");
        }
        return Command.of(Path.of("/"), argv).withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH));
    }

    /** A systemd time span: whole seconds when it is, else milliseconds. */
    private static String span(Duration duration) {
        return duration.toMillisPart() == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
