package dev.alive.state;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link Accounts} on the platform's tables. UUIDs are bound as text (PostgreSQL casts them);
 * e-mail addresses are looked up case-insensitively, as people type them.
 */
final class SqlAccounts implements Accounts {
    private static final java.util.Set<String> ROLES = java.util.Set.of("owner", "member");

    private final JdbiDatabase db;

    SqlAccounts(JdbiDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<User> findUser(String email) {
        return db.withHandle(handle -> handle.createQuery("select user_id, email, password_hash from <users> "
                        + "where lower(email) = lower(:email) order by email = :email desc, created_at limit 1")
                .bind("email", email)
                .map((rs, ctx) -> new User(UUID.fromString(rs.getString("user_id")), rs.getString("email"),
                        rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public User createUser(String email, String passwordHash) {
        var user = new User(UUID.randomUUID(), email, passwordHash);
        try {
            db.useHandle(handle -> handle.createUpdate("insert into <users> (user_id, email, password_hash) "
                            + "values (:userId, :email, :passwordHash)")
                    .bind("userId", user.userId().toString())
                    .bind("email", email)
                    .bind("passwordHash", passwordHash)
                    .execute());
        } catch (JdbiException e) {
            // no cause: the driver's exception may quote the statement's values, the hash among them
            throw db.dialect().isUniqueViolation(e)
                    ? new IllegalStateException("user " + email + " already exists")
                    : new IllegalStateException("cannot create user " + email + ": " + e.getClass().getSimpleName());
        }
        return user;
    }

    @Override
    public Optional<Org> findOwnedOrg(UUID userId, String name) {
        return db.withHandle(handle -> handle.createQuery("select o.org_id, o.name from <orgs> o "
                        + "join <memberships> m on m.org_id = o.org_id "
                        + "where m.user_id = :userId and m.role = 'owner' and o.name = :name "
                        + "order by o.created_at, o.org_id limit 1")
                .bind("userId", userId.toString())
                .bind("name", name)
                .map((rs, ctx) -> new Org(UUID.fromString(rs.getString("org_id")), rs.getString("name")))
                .findOne());
    }

    @Override
    public Org createOrg(String name) {
        var org = new Org(UUID.randomUUID(), name);
        db.useHandle(handle -> handle.createUpdate("insert into <orgs> (org_id, name) values (:orgId, :name)")
                .bind("orgId", org.orgId().toString())
                .bind("name", name)
                .execute());
        return org;
    }

    @Override
    public boolean addMembership(UUID orgId, UUID userId, String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("membership role must be owner or member, not '" + role + "'");
        }
        return db.withHandle(handle -> handle.createUpdate("insert into <memberships> (org_id, user_id, role) "
                        + "values (:orgId, :userId, :role) on conflict (org_id, user_id) do nothing")
                .bind("orgId", orgId.toString())
                .bind("userId", userId.toString())
                .bind("role", role)
                .execute() == 1);
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
