package dev.alive.state;

import org.jdbi.v3.core.Handle;

/**
 * Port questions asked inside a reservation's transaction. A host's ports are those of its rows
 * and of rows made before alive (no host): those might be on this host, so they stay out too.
 */
final class FreePorts {
    private static final String ON_HOST = "(host = :host or host is null)";

    private FreePorts() {
    }

    /** {@code port} when no other domain of {@code host} holds it. */
    static int requested(Handle handle, String hostname, String host, int port) {
        var holder = handle.createQuery("select hostname from <domains> where " + ON_HOST
                        + " and port = :port and hostname <> :hostname order by hostname limit 1")
                .bind("host", host)
                .bind("port", port)
                .bind("hostname", hostname)
                .mapTo(String.class)
                .findOne();
        if (holder.isPresent()) {
            throw new PortUnavailableException("port " + port + " on host " + host + " is taken by " + holder.get());
        }
        return port;
    }

    /** The first gap in {@code [first, last]}: {@code first} itself or a taken port's successor that nobody holds. */
    static int lowest(Handle handle, String host, int first, int last) {
        return handle.createQuery("select min(c.port) from ("
                        + " select :first as port"
                        + " union all"
                        + " select port + 1 from <domains> where " + ON_HOST + " and port >= :first and port < :last"
                        + ") c where not exists (select 1 from <domains> t where (t.host = :host or t.host is null)"
                        + " and t.port = c.port)")
                .bind("first", first)
                .bind("last", last)
                .bind("host", host)
                .mapTo(Integer.class)
                .findOne()
                .orElseThrow(() -> new PortUnavailableException("no free port in " + first + "-" + last + " on host "
                        + host + ": all " + (last - first + 1) + " are taken"));
    }

    /** Whether no row of {@code host} itself holds {@code port} (for adopting a row made before alive). */
    static boolean freeOnHost(Handle handle, String host, int port) {
        return port > 0 && handle.createQuery("select count(*) from <domains> where host = :host and port = :port")
                .bind("host", host)
                .bind("port", port)
                .mapTo(Integer.class)
                .one() == 0;
    }
}
