package dev.alive.deploy;

import dev.alive.engine.secret.SecretRedaction;
import dev.alive.specs.Site;
import dev.alive.tasks.OwnerPassword;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secrets a run may meet in its tasks' output: the owner's password given to this invocation,
 * and the value of every {@code ${NAME}} the sites' env takes from alive's environment.
 */
final class RunSecrets {

    private RunSecrets() {
    }

    static SecretRedaction of(List<Site> sites, Map<String, String> environment, OwnerPassword password) {
        var secrets = new ArrayList<String>();
        if (password.isGiven()) {
            secrets.add(password.reveal());
        }
        for (var site : sites) {
            for (var value : site.app().env().values()) {
                if (value instanceof Site.EnvValue.FromEnvironment fromEnvironment) {
                    secrets.add(environment.get(fromEnvironment.variable()));
                }
            }
        }
        return SecretRedaction.of(secrets);
    }
}
