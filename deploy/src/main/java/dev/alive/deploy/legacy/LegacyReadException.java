package dev.alive.deploy.legacy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.nio.file.Path;

/**
 * A source of a legacy server that cannot be read as the as-is scripts write it: the message names
 * the file (and line where it can) and the fix. Never carries a value of the removed registry keys.
 */
public final class LegacyReadException extends AliveException {
    private static final long serialVersionUID = 1L;

    public LegacyReadException(Path file, String problem, String fix) {
        super(ErrorCategory.INVALID_INPUT, file + ": " + problem + ". " + fix);
    }

    public LegacyReadException(Path file, int line, String problem, String fix) {
        super(ErrorCategory.INVALID_INPUT, file + " line " + line + ": " + problem + ". " + fix);
    }
}
