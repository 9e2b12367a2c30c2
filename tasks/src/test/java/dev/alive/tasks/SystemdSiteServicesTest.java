package dev.alive.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.specs.Host;
import dev.alive.specs.HostProfiles;
import dev.alive.specs.SpecLoader;
import dev.alive.tasks.host.LocalFiles;
import dev.alive.tasks.host.LocalMachine;
import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandResult;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.DnsCheck;
import dev.alive.tasks.system.LocalCommandRunner;
import dev.alive.tasks.system.LocalLinuxUsers;
import dev.alive.tasks.system.LoopbackHttp;
import dev.alive.tasks.system.SystemdUnits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example site's unit on a production-like host, as {@code services: systemd} installs it.
 * systemd-analyze runs for real; systemctl (no systemd as PID 1 here) is recorded.
 */
class SystemdSiteServicesTest {

    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d+)");

    @TempDir
    Path root;

    private final List<List<String>> systemctl = new ArrayList<>();

    @Test
    void installsTheExampleSiteAsAVerifiedUnitWithAnExposureOfAtMostTwo() throws Exception {
        var setup = exampleOnProductionHost();
        var services = setup.services();

        services.install(setup, Optional.empty());

        var unit = services.definitionFile(setup);
        assertThat(unit).isEqualTo(root.resolve("etc/systemd/system/site@hello-alive-test.service"));
        assertThat(unit).content().contains("User=site-hello-alive-test",
                "EnvironmentFile=" + root.resolve("etc/sites/hello-alive-test.env"),
                "WorkingDirectory=" + root.resolve("srv/sites/hello.alive.test/current"));
        var verify = systemdAnalyze("verify", "--man=no", "--recursive-errors=no", unit.toString());
        assertThat(verify.exitCode()).as("%s", verify.output()).isZero();
        assertThat(verify.output()).noneMatch(line -> line.contains(unit.getFileName().toString()));
        var security = systemdAnalyze("security", "--offline=true", "--no-pager", unit.toString());
        var exposure = security.output().stream().map(EXPOSURE::matcher).filter(m -> m.find()).findFirst()
                .orElseThrow(() -> new AssertionError("no exposure in " + security.output()));
        assertThat(exposure.group(1)).isEqualTo("site@hello-alive-test.service");
        assertThat(Double.parseDouble(exposure.group(2))).isLessThanOrEqualTo(SystemdUnits.MAX_EXPOSURE);
        assertThat(systemctl).containsExactly(List.of("systemctl", "daemon-reload"),
                List.of("systemctl", "enable", "--", "site@hello-alive-test.service"));
    }

    @Test
    void namesTheRunningInstanceByItsInvocationIdSoThatARestartIsSeen() {
        var setup = exampleOnProductionHost();

        var instance = setup.services().instance(setup);

        assertThat(instance).contains("invocation 0123abcd");
        assertThat(systemctl).contains(List.of("systemctl", "show", "--property=InvocationID", "--value", "--",
                "site@hello-alive-test.service"));
    }

    private SiteContext exampleOnProductionHost() {
        var environment = Map.of("PATH", System.getenv("PATH"));
        var site = SpecLoader.withEnvironment(environment).loadSite(ExampleHostFixtures.example().resolve("site.yaml"));
        var production = HostProfiles.production(environment);
        var host = new Host("production", root, "sqlite:" + root.resolve("state.db"), root.resolve("srv/sites"),
                root.resolve("etc/sites"), production.ports(), production.serverIp(), production.wildcardDomain(),
                Host.Users.CREATE, Host.Services.SYSTEMD, production.proxy(), production.keepReleases());
        var commands = new SystemctlRecorder();
        var services = new SystemdSiteServices(commands);
        var machine = new LocalMachine(new LocalFiles(), commands, new LocalLinuxUsers(commands, Optional.of(root)),
                services, Optional.empty(), new LoopbackHttp(), new DnsCheck());
        return new SiteContext(site, host, SitePaths.of(site, host), machine, environment);
    }

    private record Analysis(int exitCode, List<String> output) {
    }

    private static Analysis systemdAnalyze(String... arguments) throws IOException, InterruptedException {
        var argv = new ArrayList<>(List.of("systemd-analyze"));
        argv.addAll(List.of(arguments));
        var process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Analysis(process.waitFor(), output.lines().toList());
    }

    /** Runs systemd-analyze for real; records systemctl and answers it as an active unit would. */
    private final class SystemctlRecorder implements CommandRunner {
        private final LocalCommandRunner real = new LocalCommandRunner();

        @Override
        public CommandResult run(Command command, Consumer<String> output) {
            if (!command.argv().get(0).equals("systemctl")) {
                return real.run(command, output);
            }
            systemctl.add(command.argv());
            if (command.argv().contains("show")) {
                output.accept("0123abcd");
            }
            return new CommandResult(0, List.of(), Duration.ZERO);
        }
    }
}
