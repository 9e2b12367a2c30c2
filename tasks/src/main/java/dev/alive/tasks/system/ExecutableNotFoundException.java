package dev.alive.tasks.system;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
/** A program name that is not an executable file on the PATH (or relative to the directory) given. */
public final class ExecutableNotFoundException extends AliveException {
    public ExecutableNotFoundException(String name, String searchedIn) {
        super(ErrorCategory.FAILED,
                "executable '" + name + "' not found in " + (searchedIn == null ? "(no PATH)" : searchedIn));
    }
}
