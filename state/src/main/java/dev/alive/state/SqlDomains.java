package dev.alive.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link Domains} on the platform's domains table. A reservation is one transaction, serialised per
 * host (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock on the host) and
 * backed by the unique index on (host, port); a conflict with another writer is retried.
 * Rows made before alive have no host: any host may adopt one (keeping its port when that port is
 * free there), and their ports are kept out of every host's allocations.
 */
final class SqlDomains implements Domains {
    private static final int ATTEMPTS = 5;
    private static final String COLUMNS = "hostname, host, port, org_id, status, current_release, updated_at";

    private final JdbiDatabase db;
    private final Dialect dialect;

    SqlDomains(JdbiDatabase db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    @Override
    public Optional<Domain> find(String hostname) {
        return db.jdbc().query("select " + COLUMNS + " from <domains> where hostname = ?", statement -> statement.setString(1, hostname),
                rs -> rs.next() ? Optional.of(domain(rs)) : Optional.empty());
    }

    @Override
    public Reservation reserve(String hostname, String host, int first, int last, OptionalInt fixedPort) {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " is not within 1-65535");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(handle -> reserveOnce(handle, hostname, host, first, last, fixedPort));
            } catch (JdbiException e) {
                if (attempt == ATTEMPTS || !dialect.isConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private Reservation reserveOnce(Handle handle, String hostname, String host, int first, int last, OptionalInt fixedPort) {
        if (dialect == Dialect.POSTGRESQL) {
            handle.createQuery("select pg_advisory_xact_lock(hashtext(:key))").bind("key", "alive.domains/" + host)
                    .mapTo(String.class).one();
        }
        var existing = find(handle, hostname);
        if (existing.isPresent()) {
            var domain = existing.get();
            return new Reservation(domain.host() == null ? adopt(handle, domain, host, first, last) : domain, false);
        }
        int port = fixedPort.isPresent()
                ? FreePorts.requested(handle, hostname, host, fixedPort.getAsInt())
                : FreePorts.lowest(handle, host, first, last);
        var domain = new Domain(hostname, host, port, null, "reserved", null, Dialect.now());
        handle.createUpdate("insert into <domains> (hostname, host, port, status, updated_at) "
                        + "values (:hostname, :host, :port, :status, :updatedAt)")
                .bind("hostname", hostname)
                .bind("host", host)
                .bind("port", port)
                .bind("status", domain.status())
                .bind("updatedAt", dialect.bind(domain.updatedAt()))
                .execute();
        return new Reservation(domain, true);
    }

    /** A row made before alive (no host) joins {@code host}, keeping its port when that is free there. */
    private Domain adopt(Handle handle, Domain legacy, String host, int first, int last) {
        int port = FreePorts.freeOnHost(handle, host, legacy.port()) ? legacy.port() : FreePorts.lowest(handle, host, first, last);
        var adopted = new Domain(legacy.hostname(), host, port, legacy.orgId(), legacy.status(), legacy.currentRelease(),
                Dialect.now());
        handle.createUpdate("update <domains> set host = :host, port = :port, updated_at = :updatedAt where hostname = :hostname")
                .bind("host", host)
                .bind("port", port)
                .bind("updatedAt", dialect.bind(adopted.updatedAt()))
                .bind("hostname", legacy.hostname())
                .execute();
        return adopted;
    }

    @Override
    public void delete(String hostname) {
        db.useHandle(handle -> handle.createUpdate("delete from <domains> where hostname = :hostname")
                .bind("hostname", hostname)
                .execute());
    }

    @Override
    public void activate(String hostname, UUID orgId, String currentRelease) {
        int updated = db.withHandle(handle -> handle.createUpdate("update <domains> set status = 'active', "
                        + "org_id = :orgId, current_release = :release, updated_at = :updatedAt where hostname = :hostname")
                .bind("orgId", orgId == null ? null : orgId.toString())
                .bind("release", currentRelease)
                .bind("updatedAt", dialect.bind(Dialect.now()))
                .bind("hostname", hostname)
                .execute());
        if (updated == 0) {
            throw new IllegalStateException("no domain row for " + hostname + ": reserve its port first");
        }
    }

    @Override
    public void restore(Domain previous) {
        db.useHandle(handle -> handle.createUpdate("insert into <domains> (" + COLUMNS + ") values "
                        + "(:hostname, :host, :port, :orgId, :status, :release, :updatedAt) on conflict (hostname) do update set "
                        + "host = excluded.host, port = excluded.port, org_id = excluded.org_id, status = excluded.status, "
                        + "current_release = excluded.current_release, updated_at = excluded.updated_at")
                .bind("hostname", previous.hostname())
                .bind("host", previous.host())
                .bind("port", previous.port())
                .bind("orgId", previous.orgId() == null ? null : previous.orgId().toString())
                .bind("status", previous.status())
                .bind("release", previous.currentRelease())
                .bind("updatedAt", dialect.bind(previous.updatedAt() == null ? Dialect.now() : previous.updatedAt()))
                .execute());
    }

    @Override
    public List<Domain> list(Optional<String> host) {
        return db.withHandle(handle -> {
            var query = handle.createQuery("select " + COLUMNS + " from <domains>"
                    + (host.isPresent() ? " where host = :host" : ""));
            host.ifPresent(h -> query.bind("host", h));
            return query.map((rs, ctx) -> domain(rs)).list();
        }).stream().sorted(Comparator.comparing(Domain::hostname)).toList();
    }

    private Optional<Domain> find(Handle handle, String hostname) {
        return handle.createQuery("select " + COLUMNS + " from <domains> where hostname = :hostname")
                .bind("hostname", hostname)
                .map((rs, ctx) -> domain(rs))
                .findOne();
    }

    private Domain domain(ResultSet rs) throws SQLException {
        String orgId = rs.getString("org_id");
        return new Domain(rs.getString("hostname"), rs.getString("host"), rs.getInt("port"),
                orgId == null ? null : UUID.fromString(orgId), rs.getString("status"), rs.getString("current_release"),
                dialect.instant(rs, "updated_at"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reserving a port", e);
        }
    }
}
