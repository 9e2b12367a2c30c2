package dev.alive.tasks.site;

import dev.alive.engine.Input;
import dev.alive.engine.Output;
import dev.alive.engine.Task;
import dev.alive.engine.TaskContext;
import dev.alive.engine.TaskId;
import dev.alive.engine.UndoContext;
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
 * verify. The password is never an input, an output or an undo note.
 */
public final class AccountTask implements Task {

    private final TaskId id;
    private final Set<TaskId> dependsOn;
    private final String email;
    private final String org;
    private final OwnerPassword password;
    private final Accounts accounts;
    private final BcryptPasswords passwords = new BcryptPasswords();

    public AccountTask(TaskId id, Set<TaskId> dependsOn, String email, String org, OwnerPassword password,
                       Accounts accounts) {
        this.id = id;
        this.dependsOn = Set.copyOf(dependsOn);
        this.email = email;
        this.org = org;
        this.password = password;
        this.accounts = accounts;
    }

    @Override
    public TaskId id() {
        return id;
    }

    @Override
    public Set<TaskId> dependsOn() {
        return dependsOn;
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
        var user = accounts.findUser(email).orElse(null);
        if (user != null) {
            if (password.isGiven() && !passwords.verify(password.reveal(), user.passwordHash())) {
                throw new AccountException("wrong password for " + email);
            }
        } else {
            if (!password.isGiven()) {
                throw new AccountException("owner " + email + " does not exist yet and needs a password:"
                        + " set ALIVE_OWNER_PASSWORD or pass --password-stdin");
            }
            user = accounts.createUser(email, passwords.hash(password.reveal()));
            context.recordUndo("created-user", user.userId().toString());
            context.log("created user " + email);
        }
        var owned = accounts.findOwnedOrg(user.userId(), org);
        UUID orgId;
        if (owned.isPresent()) {
            orgId = owned.get().orgId();
        } else {
            orgId = accounts.createOrg(org).orgId();
            context.recordUndo("created-org", orgId.toString());
            accounts.addMembership(orgId, user.userId(), "owner");
            context.log("created org \"" + org + "\" owned by " + email);
        }
        return Map.of("userId", Output.value(user.userId().toString()), "orgId", Output.value(orgId.toString()));
    }

    @Override
    public void undo(UndoContext context) {
        var notes = context.notes();
        var userId = notes.containsKey("created-user") ? UUID.fromString(notes.get("created-user")) : null;
        if (notes.containsKey("created-org")) {
            var orgId = UUID.fromString(notes.get("created-org"));
            accounts.findUser(email).ifPresent(u -> accounts.deleteMembership(orgId, u.userId()));
            accounts.deleteOrg(orgId);
        }
        if (userId != null) {
            accounts.deleteUser(userId);
        }
    }

    /** The account step refused the run (wrong or missing password). */
    public static final class AccountException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AccountException(String message) {
            super(message);
        }
    }
}
