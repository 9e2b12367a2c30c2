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

    Optional<User> findUser(String email);

    User createUser(String email, String passwordHash);

    /** The org named {@code name} in which {@code userId} is an owner, if any. */
    Optional<Org> findOwnedOrg(UUID userId, String name);

    Org createOrg(String name);

    /** Adds the membership; returns false when it already existed. */
    boolean addMembership(UUID orgId, UUID userId, String role);

    void deleteMembership(UUID orgId, UUID userId);

    void deleteOrg(UUID orgId);

    void deleteUser(UUID userId);
}
