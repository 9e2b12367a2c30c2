package dev.alive.server;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error answer, in the web app's shape: {@code {ok:false, error:CODE, message, details?}}. */
record ApiError(int status, String error, String message, Map<String, Object> details) {

    ApiError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, Map.of());
    }

    static ApiError invalid(String field, String issue) {
        return new ApiError(400, "INVALID_REQUEST", issue, Map.of("field", field, "issues", List.of(issue)));
    }

    static ApiError unauthorized() {
        return of(401, "UNAUTHORIZED", "a valid bearer token is required (Authorization: Bearer alive_...)");
    }

    /** An operation's failure: its category gives the status. */
    static ApiError of(AliveException e) {
        var category = e.category();
        int status = category == ErrorCategory.INVALID_INPUT ? 400
                : category == ErrorCategory.CONFLICT ? 409
                : category == ErrorCategory.UNAVAILABLE ? 503
                : 500;
        return of(status, category.name(), e.getMessage());
    }

    Map<String, Object> body() {
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", false);
        body.put("error", error);
        body.put("message", message);
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        return body;
    }
}
