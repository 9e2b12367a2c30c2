package dev.alive.specs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A validated host profile: where and how sites land on this machine. Every path is absolute and
 * already carries the profile's {@code root} prefix.
 *
 * @param name "local", "production", or the profile file's name
 * @param state a {@code sqlite:/abs/path.db} or {@code postgresql://...} URL
 * @param sites where site folders go: {@code <sites>/<domain>/releases/<id>}
 * @param envDir where {@code <slug>.env} files go
 * @param keepReleases release folders kept per site (for {@code alive rollback})
 * @param keepRuns runs kept per site in the state store (older finished ones are pruned)
 * @param limits what each site's systemd unit may use
 */
public record Host(
        String name,
        Path root,
        String state,
        Path sites,
        Path envDir,
        PortRange ports,
        String serverIp,
        Optional<String> wildcardDomain,
        Users users,
        Services services,
        Proxy proxy,
        int keepReleases,
        int keepRuns,
        Limits limits) {

    /** The default of {@code keepRuns}. */
    public static final int DEFAULT_KEEP_RUNS = 50;

    /** A host keeping the default number of runs ({@value #DEFAULT_KEEP_RUNS}) with the {@link Limits#DEFAULTS default limits}. */
    public Host(String name, Path root, String state, Path sites, Path envDir, PortRange ports, String serverIp,
                Optional<String> wildcardDomain, Users users, Services services, Proxy proxy, int keepReleases) {
        this(name, root, state, sites, envDir, ports, serverIp, wildcardDomain, users, services, proxy, keepReleases,
                DEFAULT_KEEP_RUNS, Limits.DEFAULTS);
    }

    /** The state location safe to print: a PostgreSQL password is replaced by {@code ***}. */
    public String stateForDisplay() {
        return StateUrls.redact(state);
    }

    public Host withProxy(Proxy newProxy) {
        return new Host(name, root, state, sites, envDir, ports, serverIp, wildcardDomain, users, services, newProxy,
                keepReleases, keepRuns, limits);
    }

    public Host withKeepRuns(int runs) {
        return new Host(name, root, state, sites, envDir, ports, serverIp, wildcardDomain, users, services, proxy,
                keepReleases, runs, limits);
    }

    public Host withLimits(Limits newLimits) {
        return new Host(name, root, state, sites, envDir, ports, serverIp, wildcardDomain, users, services, proxy,
                keepReleases, keepRuns, newLimits);
    }

    /** Like the record's, but with the state's password redacted: a Host may end up in a log line. */
    @Override
    public String toString() {
        return "Host[name=" + name + ", root=" + root + ", state=" + stateForDisplay() + ", sites=" + sites
                + ", envDir=" + envDir + ", ports=" + ports + ", serverIp=" + serverIp + ", wildcardDomain="
                + wildcardDomain + ", users=" + users + ", services=" + services + ", proxy=" + proxy
                + ", keepReleases=" + keepReleases + ", keepRuns=" + keepRuns + ", limits=" + limits + "]";
    }

    public enum Users { NONE, CREATE }

    /**
     * What one site's unit may use ({@code services: systemd}); the defaults are the as-is units'.
     *
     * @param memory {@code MemoryMax}: a size with K, M, G or T (1024-based), or {@code infinity}
     * @param cpuPercent {@code CPUQuota}: percent of one CPU (200 is two CPUs)
     * @param tasks {@code TasksMax}: processes and threads in the unit's cgroup
     * @param processes {@code LimitNPROC}: processes of the site user
     * @param openFiles {@code LimitNOFILE}: open files per process
     */
    public record Limits(String memory, int cpuPercent, int tasks, int processes, int openFiles) {
        public static final Limits DEFAULTS = new Limits("1G", 50, 512, 512, 65536);
    }

    public enum Services { PROCESS, SYSTEMD }

    public record PortRange(int first, int last) {
        public boolean contains(int port) {
            return port >= first && port <= last;
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    /**
     * @param sitesDir folder of per-site Caddy files, imported by the main Caddyfile
     * @param adminAddress Caddy's admin endpoint, e.g. 127.0.0.1:2019
     * @param listenAddress where sites are served, e.g. 127.0.0.1:8080 (local) or :443
     */
    public record Proxy(Kind kind, Path sitesDir, Path mainCaddyfile, String adminAddress, String listenAddress) {
        public enum Kind { CADDY, NONE }

        public Proxy withAdminAddress(String address) {
            return new Proxy(kind, sitesDir, mainCaddyfile, address, listenAddress);
        }

        public Proxy withListenAddress(String address) {
            return new Proxy(kind, sitesDir, mainCaddyfile, adminAddress, address);
        }
    }
}
