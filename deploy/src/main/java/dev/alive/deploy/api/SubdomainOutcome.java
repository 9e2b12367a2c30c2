package dev.alive.deploy.api;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What a deploy-subdomain request came to: deployed, or refused with the contract's code. */
public sealed interface SubdomainOutcome {

    record Deployed(String domain, Optional<UUID> orgId, String runId) implements SubdomainOutcome {
    }

    /** @param details extra fields of the contract's error (field and issues, limit and currentCount, task) */
    record Refused(SubdomainError error, String message, Map<String, Object> details) implements SubdomainOutcome {
        public Refused {
            details = Map.copyOf(details);
        }

        public static Refused of(SubdomainError error, String message) {
            return new Refused(error, message, Map.of());
        }

        public static Refused invalid(String field, String issue) {
            return new Refused(SubdomainError.INVALID_REQUEST, issue, Map.of("field", field, "issues", java.util.List.of(issue)));
        }
    }
}
