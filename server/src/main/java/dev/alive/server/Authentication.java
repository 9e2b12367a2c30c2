package dev.alive.server;

import dev.alive.deploy.api.ApiTokenRegistry;
import dev.alive.deploy.api.TokenScope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * Every request but the older deploy-subdomain form needs a bearer token, of scope read for GET
 * and deploy for anything that changes a site. A source that failed too many logins is refused
 * (429) before its credentials are looked at.
 */
final class Authentication {
    static final String CALLER = "alive.caller";
    static final String OWNER_LOGIN_PATH = "/api/deploy-subdomain";

    private final ApiTokenRegistry tokens;
    private final FailedLogins failedLogins;

    Authentication(ApiTokenRegistry tokens, FailedLogins failedLogins) {
        this.tokens = tokens;
        this.failedLogins = failedLogins;
    }

    void check(Context ctx) {
        var source = ctx.req().getRemoteAddr();
        if (failedLogins.blocked(source)) {
            ctx.header("Retry-After", Long.toString(failedLogins.retryAfterSeconds(source)));
            throw new ApiProblem(ApiError.of(429, "TOO_MANY_REQUESTS", "too many failed logins from " + source + ": try again later"));
        }
        var header = ctx.header("Authorization");
        if (header == null && ctx.method() == HandlerType.POST && ctx.path().equals(OWNER_LOGIN_PATH)) {
            return; // the older form: e-mail and password in the body, checked by the route
        }
        var caller = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).strip()) : Optional.<ApiTokenRegistry.Caller>empty();
        if (caller.isEmpty()) {
            if (header != null) {
                failedLogins.failed(source); // a credential was tried; asking without one is no login
            }
            throw new ApiProblem(ApiError.unauthorized());
        }
        var needed = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD ? TokenScope.READ : TokenScope.DEPLOY;
        if (!caller.get().scope().allows(needed)) {
            throw new ApiProblem(ApiError.of(403, "FORBIDDEN", "token " + caller.get().tokenName() + " has scope "
                    + caller.get().scope().label() + "; this needs " + needed.label()));
        }
        ctx.attribute(CALLER, caller.get());
    }

    /** A failed older-form login counts against its source too. */
    void loginFailed(Context ctx) {
        failedLogins.failed(ctx.req().getRemoteAddr());
    }

    static Optional<ApiTokenRegistry.Caller> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }
}
