package dev.alive.deploy.reliability;

import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.engine.ApplyOptions;
import dev.alive.specs.SpecLoader;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.host.LocalMachine;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code FreshJvmApply HOST_FILE SPEC}: one apply of one site in a JVM of its own, through the same
 * operations {@code alive apply} calls, with the faults of {@value HostOperations#FAULTS_VARIABLE}
 * and the owner's password from {@code ALIVE_OWNER_PASSWORD}. Exits 0 when it succeeded, 1 when
 * not; a crash fault halts it with {@code FaultInjection.CRASH_STATUS}. Started by {@link CrashTest}
 * from the test class path, so it needs no built jar.
 */
final class FreshJvmApply {

    private FreshJvmApply() {
    }

    public static void main(String[] args) {
        var environment = System.getenv();
        var loader = SpecLoader.withEnvironment(environment);
        var host = loader.loadHost(Path.of(args[0]));
        var site = loader.loadSite(Path.of(args[1]));
        var password = OwnerPassword.of(environment.get("ALIVE_OWNER_PASSWORD"));
        try (var operations = HostOperations.open(host, environment, LocalMachine.of(host))) {
            var result = operations.apply(new ApplyRequest(List.of(site), PasswordSource.given(password),
                    ApplyOptions.defaults()), new ReliabilityHost.Events());
            System.out.println(result);
            System.exit(result.succeeded() ? 0 : 1);
        }
    }
}
