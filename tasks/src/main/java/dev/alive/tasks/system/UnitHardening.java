package dev.alive.tasks.system;

/**
 * The sandboxing directives of a site unit. Measured with systemd 252: {@code systemd-analyze
 * security} scores the unit 1.1 ("OK"), offline and on the running unit of a Node server and of
 * bun 1.4.5 serving the vite-react example (the nspawn tests in cli); bun needed no directive
 * changed. Left out on purpose:
 * <ul>
 *   <li>{@code MemoryDenyWriteExecute}: V8 and JavaScriptCore JIT need writable+executable pages;</li>
 *   <li>{@code PrivateNetwork}: the app must listen for Caddy;</li>
 *   <li>{@code RootDirectory}: the app runs on the host's Node or Bun.</li>
 * </ul>
 * Added beyond the checklist: {@code AF_NETLINK}, because {@code getifaddrs()} (Node's
 * {@code os.networkInterfaces()}, used by Vite with {@code --host}) needs it, at no measurable
 * cost to the score; {@code SystemCallErrorNumber=EPERM}, so a filtered system call fails with an
 * error the runtime can handle instead of killing it; {@code @pkey}, because
 * {@code @system-service} of systemd 252 lacks {@code pkey_alloc} and friends, which V8 calls at
 * start (without {@code SystemCallErrorNumber} that kills Node with SIGSYS). With {@code ProcSubset=pid},
 * {@code /proc/cpuinfo} is hidden: Node still starts, but {@code os.cpus()} is empty
 * ({@code os.availableParallelism()} still works) — checked in a mount namespace with that /proc.
 */
final class UnitHardening {
    private UnitHardening() {
    }

    static void appendTo(StringBuilder unit, String readWritePath, boolean localhostOnly) {
        unit.append("UMask=0077\n")
                .append("NoNewPrivileges=yes\n")
                .append("CapabilityBoundingSet=\n")
                .append("AmbientCapabilities=\n")
                .append("ProtectSystem=strict\n")
                .append("ReadWritePaths=").append(readWritePath).append('\n')
                .append("ProtectHome=yes\n")
                .append("PrivateTmp=yes\n")
                .append("PrivateDevices=yes\n")
                .append("PrivateUsers=yes\n")
                .append("PrivateMounts=yes\n")
                .append("PrivateIPC=yes\n")
                .append("DevicePolicy=closed\n")
                .append("ProtectKernelTunables=yes\n")
                .append("ProtectKernelModules=yes\n")
                .append("ProtectKernelLogs=yes\n")
                .append("ProtectControlGroups=yes\n")
                .append("ProtectClock=yes\n")
                .append("ProtectHostname=yes\n")
                .append("ProtectProc=invisible\n")
                .append("ProcSubset=pid\n")
                .append("RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK\n")
                .append("RestrictNamespaces=yes\n")
                .append("RestrictRealtime=yes\n")
                .append("RestrictSUIDSGID=yes\n")
                .append("LockPersonality=yes\n")
                .append("KeyringMode=private\n")
                .append("RemoveIPC=yes\n")
                .append("SystemCallArchitectures=native\n")
                .append("SystemCallFilter=@system-service @pkey\n")
                .append("SystemCallFilter=~@privileged @resources\n")
                .append("SystemCallErrorNumber=EPERM\n");
        if (localhostOnly) {
            unit.append("IPAddressDeny=any\n").append("IPAddressAllow=localhost\n");
        }
    }
}
