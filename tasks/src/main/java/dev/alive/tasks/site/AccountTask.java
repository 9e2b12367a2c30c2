package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.state.Accounts;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.system.BcryptPasswords;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The owner's account: user (bcrypt cost 12), org and owner membership. Runs before anything
 * touches the host. A new owner needs a password; an existing owner's password, when given, must
 * verify. The password is never an input, an output or an undo note. Sites of one owner share
 * the account (see {@link AccountClaims}).
 */
public final class AccountTask extends IdentifiedTask {

    private final String email;
    private final String org;
    private final OwnerPassword password;
    private final Accounts accounts;
    private final AccountClaims claims;
    private final BcryptPasswords passwords = new BcryptPasswords();

    public AccountTask(TaskId id, Set<TaskId> dependsOn, String email, String org, OwnerPassword password,
                       Accounts accounts, AccountClaims claims) {
        super(id, dependsOn);
        this.email = email;
        this.org = org;
        this.password = password;
        this.accounts = accounts;
        this.claims = claims;
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.value("email", email), Input.value("org", org));
    }

    @Override
    public boolean outputsKnownAfterRun() {
        return true;
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var existing = accounts.findUser(email);
        if (existing.isPresent()) {
            checkPassword(existing.get());
        }
        return claims.exclusively(email, () -> {
            var user = accounts.findUser(email).orElse(null);
            if (user == null) {
                user = createUser(context);
            } else if (existing.isEmpty()) {
                checkPassword(user); // made meanwhile by another site's run
            }
            var owned = accounts.ensureOwnedOrg(user.userId(), org);
            var orgId = owned.value().orgId();
            if (owned.created()) {
                context.recordUndo("created-org", orgId.toString());
                context.log("created org \"" + org + "\" owned by " + email);
            }
            claims.claim(email, id());
            return Map.of("userId", Output.value(user.userId().toString()), "orgId", Output.value(orgId.toString()));
        });
    }

    private void checkPassword(Accounts.User user) {
        if (password.isGiven() && !passwords.verify(password.reveal(), user.passwordHash())) {
            throw new AccountException("wrong password for " + email);
        }
    }

    /**
     * Creates the owner, or finds the one another process made meanwhile (find-or-create in one
     * transaction in the state store); the state store's own error is replaced by one without the hash.
     */
    private Accounts.User createUser(TaskContext context) {
        if (!password.isGiven()) {
            throw new AccountException("owner " + email + " does not exist yet and needs a password:"
                    + " set ALIVE_OWNER_PASSWORD or pass --password-stdin");
        }
        Accounts.Ensured<Accounts.User> ensured;
        try {
            ensured = accounts.ensureUser(email, passwords.hash(password.reveal()));
        } catch (RuntimeException e) {
            throw new AccountException("cannot create user " + email + " in the state store ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!ensured.created()) {
            checkPassword(ensured.value()); // another process made the owner meanwhile
            return ensured.value();
        }
        context.recordUndo("created-user", ensured.value().userId().toString());
        context.log("created user " + email);
        return ensured.value();
    }

    @Override
    public void undo(UndoContext context) {
        claims.exclusively(email, () -> {
            claims.release(email, id());
            var notes = context.notes();
            if (!notes.containsKey("created-user") && !notes.containsKey("created-org")) {
                return null;
            }
            if (claims.claimedByOthers(email, id())) {
                context.log("kept the account of " + email + ": other sites of this apply use it");
                return null;
            }
            if (notes.containsKey("created-org")) {
                var orgId = UUID.fromString(notes.get("created-org"));
                accounts.findUser(email).ifPresent(u -> accounts.deleteMembership(orgId, u.userId()));
                accounts.deleteOrg(orgId);
            }
            if (notes.containsKey("created-user")) {
                accounts.deleteUser(UUID.fromString(notes.get("created-user")));
            }
            return null;
        });
    }

    /** The account step refused the run (wrong or missing password). */
    public static final class AccountException extends AliveException {
        private static final long serialVersionUID = 1L;

        public AccountException(String message) {
            super(ErrorCategory.INVALID_INPUT, message);
        }
    }
}
