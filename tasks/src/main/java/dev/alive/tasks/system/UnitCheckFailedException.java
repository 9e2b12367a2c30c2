package dev.alive.tasks.system;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.nio.file.Path;
import java.util.List;

/** A unit file that {@code systemd-analyze} rejected or scored above the allowed exposure. */
public final class UnitCheckFailedException extends AliveException {
    private final List<String> findings;

    public UnitCheckFailedException(Path unitFile, String what, List<String> findings) {
        super(ErrorCategory.FAILED,
                unitFile.getFileName() + ": " + what + (findings.isEmpty() ? "" : "\n" + String.join("\n", findings)));
        this.findings = List.copyOf(findings);
    }

    public List<String> findings() {
        return findings;
    }
}
