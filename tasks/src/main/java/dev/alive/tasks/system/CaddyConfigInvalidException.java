package dev.alive.tasks.system;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.nio.file.Path;
import java.util.List;

/** A Caddy configuration that {@code caddy validate} rejected; the message is Caddy's own. */
public final class CaddyConfigInvalidException extends AliveException {
    private final List<String> output;

    public CaddyConfigInvalidException(Path config, String caddyMessage, List<String> output) {
        super(ErrorCategory.FAILED, config + " is not valid: " + caddyMessage);
        this.output = List.copyOf(output);
    }

    /** Caddy's last output lines, log lines included. */
    public List<String> output() {
        return output;
    }
}
