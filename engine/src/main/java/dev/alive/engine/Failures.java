package dev.alive.engine;

/** One line describing a failure, for journals, summaries and results. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable error) {
        var message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
