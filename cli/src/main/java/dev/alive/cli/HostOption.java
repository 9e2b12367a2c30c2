package dev.alive.cli;

import dev.alive.specs.Host;
import dev.alive.specs.HostProfiles;
import picocli.CommandLine.Option;

/** {@code --host NAME|FILE}, shared by every command that touches a host. */
final class HostOption {

    static final String VARIABLE = "ALIVE_HOST";

    @Option(names = "--host", paramLabel = "NAME|FILE",
            description = "Host profile: local (default: everything under ./.alive), production, or a kind: Host"
                    + " file. Default: $ALIVE_HOST, else local.")
    String host;

    Host resolve(CliContext context) {
        var chosen = host != null ? host : context.environment().getOrDefault(VARIABLE, HostProfiles.LOCAL);
        return HostProfiles.resolve(chosen, context.workingDir(), context.environment());
    }
}
