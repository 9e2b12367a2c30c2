package dev.alive.server;

/**
 * The systemd unit alive serve runs as: restarted on failure, stopped with SIGTERM and given the
 * drain time to let running deploys finish, and hardened as far as deploying sites allows (it
 * must create users, write /etc/sites, unit files and release folders, and run systemctl, so it
 * keeps root and a writable /etc; what it never needs is taken away).
 */
public final class ServeUnit {

    private ServeUnit() {
    }

    /** The unit for {@code alive} at {@code executable}, serving {@code hostProfile} on {@code listen}. */
    public static String text(String executable, String hostProfile, String listen, ServeOptions options) {
        long stopSeconds = options.drainTimeout().toSeconds() + 30;
        return """
                # alive serve: the deploy API the web app calls (alive serve --print-unit)
                [Unit]
                Description=alive serve (deploy API on %3$s)
                After=network-online.target postgresql.service
                Wants=network-online.target

                [Service]
                Type=simple
                ExecStart=%1$s serve --host %2$s --listen %3$s
                Restart=on-failure
                RestartSec=2s
                # SIGTERM: no new runs; running deploys finish or roll back, then it exits
                KillSignal=SIGTERM
                KillMode=mixed
                TimeoutStopSec=%4$d
                UMask=0077
                NoNewPrivileges=yes
                PrivateTmp=yes
                PrivateDevices=yes
                ProtectKernelTunables=yes
                ProtectKernelModules=yes
                ProtectKernelLogs=yes
                ProtectControlGroups=yes
                ProtectClock=yes
                ProtectHostname=yes
                RestrictRealtime=yes
                RestrictNamespaces=yes
                RestrictSUIDSGID=yes
                LockPersonality=yes
                SystemCallArchitectures=native
                RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
                CapabilityBoundingSet=CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER CAP_FSETID CAP_KILL CAP_SETUID CAP_SETGID CAP_AUDIT_WRITE
                # not MemoryDenyWriteExecute (the JIT writes code it runs), not ProtectHome or ProtectSystem
                # (builds use the home caches; deploys write /etc/sites, /etc/passwd, unit files, /srv/sites)

                [Install]
                WantedBy=multi-user.target
                """.formatted(executable, hostProfile, listen, stopSeconds);
    }
}
