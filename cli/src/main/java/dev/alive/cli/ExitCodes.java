package dev.alive.cli;

import dev.alive.deploy.ErrorCategories;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.Plan;
import dev.alive.engine.UnitResult;
import dev.alive.engine.error.ErrorCategory;

/** The documented exit codes (cli/README.md), and the one place that maps results and error categories onto them. */
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
    /** {@code import legacy} left sites out: their sources disagree, or their spec was edited (each is named). */
    public static final int IMPORT_INCOMPLETE = 5;
    /** Usage error: unknown command, bad flag. */
    public static final int USAGE = 64;
    /** Invalid spec or host profile. */
    public static final int INVALID_SPEC = 65;
    /** The state store cannot be reached (a run that lost it midway is recovered by the next one). */
    public static final int UNAVAILABLE = 69;

    private ExitCodes() {
    }

    static int of(ApplyResult result) {
        return ErrorCategories.of(result).map(ExitCodes::of).orElse(OK);
    }

    /** Changes found are {@link #CHANGES} only when asked for (plan --detailed-exitcode). */
    static int of(Plan plan, boolean detailed) {
        return detailed && plan.hasChanges() ? CHANGES : OK;
    }

    /** A destroy that stopped half-way leaves something for the operator. */
    static int ofDestroy(UnitResult result) {
        return ErrorCategories.ofDestroy(result).map(ExitCodes::of).orElse(OK);
    }

    static int of(Throwable error) {
        if (error instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        return of(ErrorCategories.of(error));
    }

    static int of(ErrorCategory category) {
        return switch (category) {
            case USAGE -> USAGE;
            case INVALID_INPUT -> INVALID_SPEC;
            case CONFLICT -> LOCKED;
            case UNAVAILABLE -> UNAVAILABLE;
            case FAILED -> FAILED;
            case ROLLBACK_INCOMPLETE -> ROLLBACK_INCOMPLETE;
        };
    }
}
