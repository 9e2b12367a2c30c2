package dev.alive.state;

import java.util.Optional;
import java.util.UUID;

/**
 * Users, organisations and memberships (PostgreSQL: {@code iam.users}, {@code iam.orgs},
 * {@code iam.org_memberships}). Password hashes are only ever passed through, never logged.
 */
public interface Accounts {

    record User(UUID userId, String email, String passwordHash) {
        @Override
        public String toString() {
            return "User[" + userId + ", " + email + "]";
        }
    }

    record Org(UUID orgId, String name) {
    }

    /** A value this call found or made, and whether it made it (false: it was there, or a concurrent caller made it). */
    record Ensured<T>(T value, boolean created) {
    }

    Optional<User> findUser(String email);

    User createUser(String email, String passwordHash);

    /**
     * The user with this email (in any case), created with {@code newPasswordHash} when there is none.
     * Concurrent callers for one email, in any process, are serialised: one creates, the others get
     * its user (whose hash is then not {@code newPasswordHash}: check the password against it).
     */
    Ensured<User> ensureUser(String email, String newPasswordHash);

    /**
     * The org named {@code name} that {@code userId} owns, created with its owner membership when
     * there is none. Concurrent callers for one user and name are serialised: they share one org.
     */
    Ensured<Org> ensureOwnedOrg(UUID userId, String name);

    /** The org named {@code name} in which {@code userId} is an owner, if any. */
    Optional<Org> findOwnedOrg(UUID userId, String name);

    Org createOrg(String name);

    Optional<Org> findOrg(UUID orgId);

    /** The user's role in the org (owner or member), if the user is a member of it. */
    Optional<String> role(UUID orgId, UUID userId);

    /** The org's first owner (by e-mail), if it has one. */
    Optional<User> firstOwner(UUID orgId);

    /** Adds the membership; returns false when it already existed. */
    boolean addMembership(UUID orgId, UUID userId, String role);

    void deleteMembership(UUID orgId, UUID userId);

    void deleteOrg(UUID orgId);

    void deleteUser(UUID userId);
}
