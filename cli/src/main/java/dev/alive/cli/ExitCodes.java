package dev.alive.cli;

import dev.alive.engine.ApplyResult;
import dev.alive.engine.InvalidTaskGraphException;
import dev.alive.engine.UnitLockedException;
import dev.alive.specs.SpecException;

/** The exit codes of DESIGN.md, and the one place that maps outcomes and errors onto them. */
public final class ExitCodes {

    /** Success, or no changes. */
    public static final int OK = 0;
    /** Apply failed and was rolled back; or another error. */
    public static final int FAILED = 1;
    /** {@code plan --detailed-exitcode} found changes. */
    public static final int CHANGES = 2;
    /** Failed and the rollback is incomplete: something is left for the operator. */
    public static final int ROLLBACK_INCOMPLETE = 3;
    /** The site is locked by another run. */
    public static final int LOCKED = 4;
    /** Usage error: unknown command, bad flag. */
    public static final int USAGE = 64;
    /** Invalid spec or host profile. */
    public static final int INVALID_SPEC = 65;

    private ExitCodes() {
    }

    static int of(ApplyResult result) {
        if (result.rollbackIncomplete()) {
            return ROLLBACK_INCOMPLETE;
        }
        if (result.succeeded()) {
            return OK;
        }
        return result.anyLocked() && result.finished().stream().allMatch(u -> u.failure().isEmpty())
                ? LOCKED : FAILED;
    }

    static int of(Throwable error) {
        if (error instanceof SpecException || error instanceof InvalidTaskGraphException) {
            return INVALID_SPEC;
        }
        if (error instanceof UnitLockedException) {
            return LOCKED;
        }
        if (error instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        return FAILED;
    }
}
