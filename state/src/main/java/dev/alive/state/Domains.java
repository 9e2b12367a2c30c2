package dev.alive.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Domains and their ports: the one source of truth for port allocation (PostgreSQL:
 * {@code app.domains}). A port is unique per host; a domain keeps its port across redeploys.
 */
public interface Domains {

    /**
     * @param status "reserved" (port taken, site not live yet) or "active"
     * @param orgId null until registered
     * @param currentRelease null until registered
     */
    record Domain(String hostname, String host, int port, UUID orgId, String status, String currentRelease,
                  Instant updatedAt) {
    }

    /** @param created true when this call made the row (so undo deletes it) */
    record Reservation(Domain domain, boolean created) {
    }

    Optional<Domain> find(String hostname);

    /**
     * In one transaction: returns the domain's existing row, or creates it with the requested
     * port (when free) or the lowest free port in {@code [first, last]} on {@code host}; retries
     * on a concurrent conflict.
     *
     * @throws PortUnavailableException when the fixed port is taken or the range is exhausted
     */
    Reservation reserve(String hostname, String host, int first, int last, OptionalInt fixedPort);

    /** Deletes the row (undo of a reservation this run created, or destroy). */
    void delete(String hostname);

    /** Marks the domain active with its org and current release. */
    void activate(String hostname, UUID orgId, String currentRelease);

    /** Puts a row back exactly as it was (undo of activate). */
    void restore(Domain previous);

    /** Domains of one host, or of every host when {@code host} is empty, sorted by hostname. */
    List<Domain> list(Optional<String> host);
}
