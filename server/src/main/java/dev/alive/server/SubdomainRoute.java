package dev.alive.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alive.deploy.api.ApiTokenRegistry;
import dev.alive.deploy.api.SubdomainDeploy;
import dev.alive.deploy.api.SubdomainError;
import dev.alive.deploy.api.SubdomainOutcome;
import dev.alive.deploy.api.SubdomainRequest;
import dev.alive.engine.RunListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code POST /api/deploy-subdomain}: the web app's request and answers, over deploy's {@link SubdomainDeploy}. */
final class SubdomainRoute {
    private static final Set<String> KEYS = Set.of("slug", "orgId", "siteIdeas", "templateId", "email", "password");

    private final SubdomainDeploy subdomains;

    SubdomainRoute(SubdomainDeploy subdomains) {
        this.subdomains = subdomains;
    }

    /** The request from the body; {@code caller} is the token's, or empty for the older e-mail and password form. */
    static SubdomainRequest parse(ObjectNode body, Optional<ApiTokenRegistry.Caller> caller) {
        for (var names = body.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            if (!KEYS.contains(name)) {
                throw new ApiProblem(ApiError.invalid(name, "unknown key '" + printable(name) + "'"));
            }
        }
        var slug = text(body, "slug").orElseThrow(() -> new ApiProblem(ApiError.invalid("slug", "slug is required")));
        var orgId = text(body, "orgId").map(SubdomainRoute::uuid);
        text(body, "siteIdeas");
        var templateId = text(body, "templateId");
        var email = text(body, "email");
        var password = text(body, "password");
        SubdomainRequest.Credentials credentials;
        if (caller.isPresent()) {
            if (email.isPresent() || password.isPresent()) {
                throw new ApiProblem(ApiError.invalid(email.isPresent() ? "email" : "password",
                        "a request with a bearer token carries no e-mail or password"));
            }
            credentials = new SubdomainRequest.Credentials.Token(caller.get());
        } else if (email.isPresent() && password.isPresent()) {
            credentials = new SubdomainRequest.Credentials.OwnerLogin(email.get(), password.get());
        } else {
            throw new ApiProblem(ApiError.unauthorized());
        }
        return new SubdomainRequest(slug, orgId, templateId, credentials);
    }

    Map<String, Object> deploy(SubdomainRequest request, RunListener listener) {
        var outcome = subdomains.deploy(request, listener);
        if (outcome instanceof SubdomainOutcome.Refused refused) {
            throw new ApiProblem(new ApiError(status(refused.error()),
                    refused.error() == SubdomainError.DEPLOYMENT_TIMED_OUT ? "DEPLOYMENT_FAILED" : refused.error().name(),
                    refused.message(), refused.details()));
        }
        var deployed = (SubdomainOutcome.Deployed) outcome;
        var answer = new LinkedHashMap<String, Object>();
        answer.put("ok", true);
        answer.put("message", "Site " + deployed.domain() + " deployed successfully!");
        answer.put("domain", deployed.domain());
        answer.put("chatUrl", "/chat?wk=" + deployed.domain());
        deployed.orgId().ifPresent(org -> answer.put("orgId", org.toString()));
        return answer;
    }

    static int status(SubdomainError error) {
        return switch (error) {
            case INVALID_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case ORG_ACCESS_DENIED, SITE_LIMIT_EXCEEDED -> 403;
            case SLUG_TAKEN, DEPLOYMENT_IN_PROGRESS -> 409;
            case DEPLOYMENT_TIMED_OUT -> 408;
            case DEPLOYMENT_FAILED -> 500;
        };
    }

    private static Optional<String> text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ApiProblem(ApiError.invalid(field, field + " must be a string, not " + node.getNodeType().name().toLowerCase()));
        }
        return Optional.of(node.textValue());
    }

    private static UUID uuid(String text) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ApiProblem(ApiError.invalid("orgId", "orgId must be a UUID"));
    }

    /** A key as it may be shown: control and non-ASCII characters escaped, at most 64 of them. */
    static String printable(String text) {
        var out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }
}
