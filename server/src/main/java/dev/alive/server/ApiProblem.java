package dev.alive.server;

/** Ends a request with an error answer (thrown by the routes, written by the server). */
final class ApiProblem extends RuntimeException {
    private final transient ApiError error;

    ApiProblem(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
