package dev.alive.state;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link Accounts} on the platform's tables. UUIDs are bound as text (PostgreSQL casts them);
 * e-mail addresses are looked up case-insensitively, as people type them. The ensure methods are
 * find-or-create in one transaction serialised per key, so concurrent first deploys of one owner's
 * sites share one user and one org.
 */
final class SqlAccounts implements Accounts {
    private static final java.util.Set<String> ROLES = java.util.Set.of("owner", "member");

    private final JdbiDatabase db;

    SqlAccounts(JdbiDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<User> findUser(String email) {
        return db.withHandle(handle -> findUser(handle, email));
    }

    @Override
    public User createUser(String email, String passwordHash) {
        var user = new User(UUID.randomUUID(), email, passwordHash);
        try {
            db.useHandle(handle -> insertUser(handle, user));
        } catch (JdbiException e) {
            // no cause: the driver's exception may quote the statement's values, the hash among them
            throw db.dialect().isUniqueViolation(e)
                    ? new IllegalStateException("user " + email + " already exists")
                    : new IllegalStateException("cannot create user " + email + ": " + e.getClass().getSimpleName());
        }
        return user;
    }

    @Override
    public Ensured<User> ensureUser(String email, String newPasswordHash) {
        try {
            return db.inTransaction(handle -> {
                lockKey(handle, "alive.users/" + email.toLowerCase(Locale.ROOT));
                var existing = findUser(handle, email);
                if (existing.isPresent()) {
                    return new Ensured<>(existing.get(), false);
                }
                var user = new User(UUID.randomUUID(), email, newPasswordHash);
                insertUser(handle, user);
                return new Ensured<>(user, true);
            });
        } catch (JdbiException e) {
            if (!db.dialect().isUniqueViolation(e)) {
                throw e;
            }
            // made at this moment by a writer that does not take alive's lock (the platform's sign-up)
            return new Ensured<>(findUser(email).orElseThrow(() -> e), false);
        }
    }

    @Override
    public Ensured<Org> ensureOwnedOrg(UUID userId, String name) {
        return db.inTransaction(handle -> {
            lockKey(handle, "alive.orgs/" + userId + "/" + name);
            var owned = findOwnedOrg(handle, userId, name);
            if (owned.isPresent()) {
                return new Ensured<>(owned.get(), false);
            }
            var org = insertOrg(handle, name);
            insertMembership(handle, org.orgId(), userId, "owner");
            return new Ensured<>(org, true);
        });
    }

    @Override
    public Optional<Org> findOwnedOrg(UUID userId, String name) {
        return db.withHandle(handle -> findOwnedOrg(handle, userId, name));
    }

    @Override
    public Org createOrg(String name) {
        return db.withHandle(handle -> insertOrg(handle, name));
    }

    @Override
    public Optional<Org> findOrg(UUID orgId) {
        return db.withHandle(handle -> handle.createQuery("select org_id, name from <orgs> where org_id = :orgId")
                .bind("orgId", orgId.toString())
                .map((rs, ctx) -> new Org(UUID.fromString(rs.getString("org_id")), rs.getString("name")))
                .findOne());
    }

    @Override
    public Optional<String> role(UUID orgId, UUID userId) {
        return db.withHandle(handle -> handle.createQuery(
                        "select role from <memberships> where org_id = :orgId and user_id = :userId")
                .bind("orgId", orgId.toString())
                .bind("userId", userId.toString())
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Optional<User> firstOwner(UUID orgId) {
        return db.withHandle(handle -> handle.createQuery("select u.user_id, u.email, u.password_hash from <users> u "
                        + "join <memberships> m on m.user_id = u.user_id "
                        + "where m.org_id = :orgId and m.role = 'owner' order by u.email limit 1")
                .bind("orgId", orgId.toString())
                .map((rs, ctx) -> new User(UUID.fromString(rs.getString("user_id")), rs.getString("email"),
                        rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public boolean addMembership(UUID orgId, UUID userId, String role) {
        return db.withHandle(handle -> insertMembership(handle, orgId, userId, role));
    }

    /**
     * Serialises the rest of the transaction with every other one locking the same key: PostgreSQL
     * takes a transaction-scoped advisory lock; SQLite's BEGIN IMMEDIATE already serialises writers.
     */
    private void lockKey(Handle handle, String key) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            handle.createQuery("select pg_advisory_xact_lock(hashtext(:key))").bind("key", key).mapTo(String.class).one();
        }
    }

    private static Optional<User> findUser(Handle handle, String email) {
        return handle.createQuery("select user_id, email, password_hash from <users> "
                        + "where lower(email) = lower(:email) order by email = :email desc, created_at limit 1")
                .bind("email", email)
                .map((rs, ctx) -> new User(UUID.fromString(rs.getString("user_id")), rs.getString("email"),
                        rs.getString("password_hash")))
                .findOne();
    }

    private static void insertUser(Handle handle, User user) {
        handle.createUpdate("insert into <users> (user_id, email, password_hash) values (:userId, :email, :passwordHash)")
                .bind("userId", user.userId().toString())
                .bind("email", user.email())
                .bind("passwordHash", user.passwordHash())
                .execute();
    }

    private static Optional<Org> findOwnedOrg(Handle handle, UUID userId, String name) {
        return handle.createQuery("select o.org_id, o.name from <orgs> o "
                        + "join <memberships> m on m.org_id = o.org_id "
                        + "where m.user_id = :userId and m.role = 'owner' and o.name = :name "
                        + "order by o.created_at, o.org_id limit 1")
                .bind("userId", userId.toString())
                .bind("name", name)
                .map((rs, ctx) -> new Org(UUID.fromString(rs.getString("org_id")), rs.getString("name")))
                .findOne();
    }

    private static Org insertOrg(Handle handle, String name) {
        var org = new Org(UUID.randomUUID(), name);
        handle.createUpdate("insert into <orgs> (org_id, name) values (:orgId, :name)")
                .bind("orgId", org.orgId().toString())
                .bind("name", name)
                .execute();
        return org;
    }

    private static boolean insertMembership(Handle handle, UUID orgId, UUID userId, String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("membership role must be owner or member, not '" + role + "'");
        }
        return handle.createUpdate("insert into <memberships> (org_id, user_id, role) "
                        + "values (:orgId, :userId, :role) on conflict (org_id, user_id) do nothing")
                .bind("orgId", orgId.toString())
                .bind("userId", userId.toString())
                .bind("role", role)
                .execute() == 1;
    }

    @Override
    public void deleteMembership(UUID orgId, UUID userId) {
        db.useHandle(handle -> handle.createUpdate("delete from <memberships> where org_id = :orgId and user_id = :userId")
                .bind("orgId", orgId.toString())
                .bind("userId", userId.toString())
                .execute());
    }

    @Override
    public void deleteOrg(UUID orgId) {
        db.useTransaction(handle -> {
            handle.createUpdate("delete from <memberships> where org_id = :orgId").bind("orgId", orgId.toString()).execute();
            handle.createUpdate("delete from <orgs> where org_id = :orgId").bind("orgId", orgId.toString()).execute();
        });
    }

    @Override
    public void deleteUser(UUID userId) {
        db.useTransaction(handle -> {
            handle.createUpdate("delete from <memberships> where user_id = :userId").bind("userId", userId.toString()).execute();
            handle.createUpdate("delete from <users> where user_id = :userId").bind("userId", userId.toString()).execute();
        });
    }
}
