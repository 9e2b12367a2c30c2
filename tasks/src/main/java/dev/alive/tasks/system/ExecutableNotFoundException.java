package dev.alive.tasks.system;

/** A program name that is not an executable file on the PATH (or relative to the directory) given. */
public final class ExecutableNotFoundException extends RuntimeException {
    public ExecutableNotFoundException(String name, String searchedIn) {
        super("executable '" + name + "' not found in " + (searchedIn == null ? "(no PATH)" : searchedIn));
    }
}
