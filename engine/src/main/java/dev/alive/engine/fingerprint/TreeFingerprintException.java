package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A file or directory of a tree could not be read while fingerprinting it. */
public final class TreeFingerprintException extends UncheckedIOException {

    private final transient Path path;

    public TreeFingerprintException(Path path, IOException cause) {
        super("cannot fingerprint " + path + ": " + describe(cause), cause);
        this.path = path;
    }

    /** The path that could not be read. */
    public Path path() {
        return path;
    }

    private static String describe(IOException cause) {
        var name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + " (" + cause.getMessage() + ")";
    }
}
