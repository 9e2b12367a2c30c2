package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.tasks.system.LogFile;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A process site's logs: the file its process service appends the app's output to
 * ({@code <services>/<slug>.log}), as the app wrote it. Its lines carry no time, so they cannot be
 * chosen by it. Following polls the file every
 * {@link #POLL_INTERVAL} and goes on in the new file after a rotation (at a restart).
 */
final class FileSiteLogs implements SiteLogs {

    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Host host;

    FileSiteLogs(Host host) {
        this.host = host;
    }

    @Override
    public String source(String domain) {
        return file(domain).path().toString();
    }

    @Override
    public void read(String domain, Query query, Predicate<String> sink) {
        if (query.since().isPresent()) {
            throw new IllegalArgumentException("a log file has no times to choose lines by: " + source(domain));
        }
        var file = file(domain);
        var stopped = new boolean[1];
        var position = file.last(query.lines(), query.follow(), line -> {
            stopped[0] = !sink.test(line);
            return !stopped[0];
        });
        if (query.follow() && !stopped[0]) {
            file.follow(position, sink);
        }
    }

    private LogFile file(String domain) {
        var slug = Site.slugOf(domain);
        return new LogFile(ProcessSiteServices.logFile(SitePaths.of(domain, slug, host), slug), POLL_INTERVAL);
    }
}
