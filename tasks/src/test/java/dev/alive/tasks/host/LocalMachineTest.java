package dev.alive.tasks.host;

import dev.alive.specs.Host;
import dev.alive.specs.HostProfiles;
import java.nio.file.Path;
import java.util.Map;

/** The Host port's contract on this machine. */
class LocalMachineTest extends MachineContract {

    @Override
    protected Machine machine(Path root) {
        var local = HostProfiles.local(root, Map.of("PATH", System.getenv("PATH")));
        var proxy = local.proxy();
        return LocalMachine.of(local.withProxy(new Host.Proxy(Host.Proxy.Kind.NONE, proxy.sitesDir(),
                proxy.mainCaddyfile(), proxy.adminAddress(), proxy.listenAddress())));
    }

    @Override
    protected Path local(Path path) {
        return path;
    }
}
