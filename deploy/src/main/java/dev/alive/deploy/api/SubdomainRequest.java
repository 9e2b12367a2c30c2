package dev.alive.deploy.api;

import java.util.Optional;
import java.util.UUID;

/**
 * A deploy-subdomain request, as the web app sends it, with who sent it.
 *
 * @param templateId the template folder under the server's templates; empty: the default one
 */
public record SubdomainRequest(String slug, Optional<UUID> orgId, Optional<String> templateId, Credentials credentials) {

    /** How the caller proved who it is. */
    public sealed interface Credentials {
        /** A bearer API token (the web app, an operator). */
        record Token(ApiTokenRegistry.Caller caller) implements Credentials {
        }

        /** The older form: the site owner's e-mail and password, checked against the accounts. */
        record OwnerLogin(String email, String password) implements Credentials {
            @Override
            public String toString() {
                return "OwnerLogin[" + email + ", ***]";
            }
        }
    }
}
