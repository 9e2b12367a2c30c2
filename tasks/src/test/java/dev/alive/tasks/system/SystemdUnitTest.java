package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.specs.Host;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {
    private final SystemdUnit unit = SystemdUnit.forSite(Fixtures.site("hello.alive.best", "bun run preview"),
            Fixtures.production(), "site-hello-alive-best", List.of("/usr/bin/bun", "run", "preview"));

    @Test
    void runsTheSiteFromCurrentAsItsUserWithItsEnvFile() {
        assertThat(unit.fileName()).isEqualTo("site@hello-alive-best.service");
        assertThat(unit.render()).contains(
                "Description=alive site hello.alive.best\n",
                "After=network.target\n",
                "Type=simple\n",
                "User=site-hello-alive-best\nGroup=site-hello-alive-best\n",
                "WorkingDirectory=/srv/sites/hello.alive.best/current\n",
                "EnvironmentFile=/etc/sites/hello-alive-best.env\n",
                "ExecStart=/usr/bin/bun run preview\n",
                "Restart=on-failure\nRestartSec=2\n",
                "ReadWritePaths=/srv/sites/hello.alive.best\n",
                "WantedBy=multi-user.target\n");
    }

    @Test
    void isHardenedWithoutForbiddingJitMemory() {
        assertThat(unit.render()).contains("ProtectSystem=strict\n", "NoNewPrivileges=yes\n", "CapabilityBoundingSet=\n",
                        "SystemCallFilter=@system-service @pkey\n", "SystemCallFilter=~@privileged @resources\n",
                        "PrivateUsers=yes\n", "UMask=0077\n", "ProtectHome=yes\n", "PrivateTmp=yes\n",
                        "PrivateDevices=yes\n", "PrivateIPC=yes\n", "ProtectKernelTunables=yes\n", "ProtectKernelModules=yes\n",
                        "ProtectKernelLogs=yes\n", "ProtectControlGroups=yes\n", "ProtectClock=yes\n",
                        "ProtectHostname=yes\n", "RestrictNamespaces=yes\n", "RestrictRealtime=yes\n",
                        "RestrictSUIDSGID=yes\n", "LockPersonality=yes\n",
                        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK\n")
                .doesNotContain("MemoryDenyWriteExecute", "IPAddressDeny");
    }

    @Test
    void limitsItsResourcesToTheHostsLimitsAndGivesUpAfterFiveStartsAMinute() {
        assertThat(unit.render()).contains("MemoryMax=1G\n", "CPUQuota=50%\n", "TasksMax=512\n", "LimitNPROC=512\n",
                "LimitNOFILE=65536\n", "KillMode=mixed\n", "TimeoutStopSec=10\n");
        assertThat(unit.render()).containsPattern("\\[Unit\\][^\\[]*StartLimitIntervalSec=60\nStartLimitBurst=5\n");

        var host = Fixtures.production();
        var big = host.withLimits(new Host.Limits("infinity", 200, 4096, 1024, 1048576));
        var unlimited = SystemdUnit.forSite(Fixtures.site("hello.alive.best", "bun run preview"), big,
                "site-hello-alive-best", List.of("/usr/bin/bun", "run", "preview"));
        assertThat(unlimited.render()).contains("MemoryMax=infinity\n", "CPUQuota=200%\n", "TasksMax=4096\n",
                "LimitNPROC=1024\n", "LimitNOFILE=1048576\n");
    }

    @Test
    void canRestrictTheNetworkToLocalhost() {
        SystemdUnit local = new SystemdUnit(unit.slug(), unit.description(), unit.user(), unit.workingDirectory(),
                unit.environmentFile(), unit.readWritePath(), unit.execStart(), Duration.ofSeconds(5),
                SystemdUnit.Network.LOCALHOST_ONLY, unit.limits());

        assertThat(local.render()).contains("IPAddressDeny=any\nIPAddressAllow=localhost\n", "RestartSec=5\n");
    }

    @Test
    void escapesExecStartWordsSoSystemdReadsTheSameVector() {
        assertThat(SystemdUnit.execWord("--port=3000")).isEqualTo("--port=3000");
        assertThat(SystemdUnit.execWord("100%")).isEqualTo("100%%");
        assertThat(SystemdUnit.execWord("$PORT")).isEqualTo("$$PORT");
        assertThat(SystemdUnit.execWord("two words")).isEqualTo("\"two words\"");
        assertThat(SystemdUnit.execWord("say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
        assertThat(SystemdUnit.execWord("it's")).isEqualTo("\"it's\"");
        assertThat(SystemdUnit.execWord("")).isEqualTo("\"\"");
        assertThat(SystemdUnit.execWord(";")).isEqualTo("\\;");
    }

    @Test
    void splitsAndResolvesTheStartCommandLikeTheLocalRunner() {
        assertThat(SystemdUnit.execStart("node server.js --title 'a b'", "/usr/local/bin:/usr/bin", Path.of("/srv/x/current")))
                .containsExactly("/usr/bin/node", "server.js", "--title", "a b");
        assertThat(SystemdUnit.execStart("./node_modules/.bin/vite preview", "/usr/bin", Path.of("/srv/x/current")))
                .containsExactly("/srv/x/current/node_modules/.bin/vite", "preview");
        assertThatThrownBy(() -> SystemdUnit.execStart("no-such-program-here", "/usr/bin", Path.of("/")))
                .isInstanceOf(ExecutableNotFoundException.class);
        assertThatThrownBy(() -> SystemdUnit.execStart("vite --port $PORT", "/usr/bin", Path.of("/")))
                .isInstanceOf(InvalidCommandLineException.class);
    }

    @Test
    void refusesValuesThatCouldBreakOutOfTheirLine() {
        assertThatThrownBy(() -> new SystemdUnit("x", "evil\nExecStartPre=/bin/rm", "site-x", Path.of("/srv/x/current"),
                Path.of("/etc/sites/x.env"), Path.of("/srv/x"), List.of("/usr/bin/node"), Duration.ofSeconds(2),
                SystemdUnit.Network.ANY, Host.Limits.DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SystemdUnit("x", "x", "site-x", Path.of("/srv/my site/current"),
                Path.of("/etc/sites/x.env"), Path.of("/srv/x"), List.of("/usr/bin/node"), Duration.ofSeconds(2),
                SystemdUnit.Network.ANY, Host.Limits.DEFAULTS)).hasMessageContaining("working directory");
        assertThatThrownBy(() -> new SystemdUnit("x", "x", "site-x", Path.of("/srv/x/current"),
                Path.of("/etc/sites/x.env"), Path.of("/srv/x"), List.of("node"), Duration.ofSeconds(2),
                SystemdUnit.Network.ANY, Host.Limits.DEFAULTS)).hasMessageContaining("absolute");
    }
}
