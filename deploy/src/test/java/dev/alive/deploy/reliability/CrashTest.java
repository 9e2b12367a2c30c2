package dev.alive.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.deploy.HostOperations;
import dev.alive.engine.FaultInjection;
import dev.alive.engine.store.RunOutcome;
import dev.alive.tasks.OwnerPassword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An apply in another JVM ({@link FreshJvmApply}, the operations {@code alive apply} runs) halted as
 * by {@code kill -9} right after each task of a first deploy: the next apply recovers (undoes the
 * dead run's tasks, then deploys) and ends in a deploy equal to a clean one. It once needed the
 * CLI's jar and skipped itself without one, so CI on a fresh clone (deploy is tested before cli is
 * packaged) never ran it; now it needs nothing built.
 */
@Tag("slow")
class CrashTest {

    @TempDir
    static Path dir;

    private static ReliabilityHost host;
    private static SiteView clean;
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final List<String> LEFT_SOMETHING = new ArrayList<>();

    @BeforeAll
    static void deployACleanSiteToCompareWith() {
        host = ReliabilityHost.create(dir, 4);
        var reference = host.site("clean.alive.test");
        host.deploy(reference);
        clean = SiteView.of(host, reference);
    }

    @AfterAll
    static void report() {
        System.out.printf("crashes: %d crash points tried, %d left something behind %s%n", TRIED.get(),
                LEFT_SOMETHING.size(), LEFT_SOMETHING);
        if (host != null) {
            host.close();
        }
    }

    static List<String> tasks() {
        return ReliabilityHost.TASKS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void crashRightAfterATaskIsRecoveredByTheNextApply(String task) throws Exception {
        TRIED.incrementAndGet();
        var site = host.site("crash-" + task + ".alive.test");
        try {
            int status = applyInAFreshJvm(host.workDir().resolve("specs").resolve(site.domain()).resolve("site.yaml"),
                    "crash:" + ReliabilityHost.task(site, task));
            assertThat(status).as("exit status of the crashed apply").isEqualTo(FaultInjection.CRASH_STATUS);

            var next = host.apply("", OwnerPassword.of(ReliabilityHost.PASSWORD), site);

            assertThat(next.outcome()).as("%s", next).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(next.recovered()).singleElement()
                    .satisfies(run -> assertThat(run.outcome()).isEqualTo(RunOutcome.RECOVERED));
            host.awaitServing(site);
            var view = SiteView.of(host, site);
            if (!view.equals(clean)) {
                LEFT_SOMETHING.add(task);
            }
            assertThat(view).isEqualTo(clean);
        } finally {
            host.destroy(site);
        }
    }

    private static int applyInAFreshJvm(Path spec, String faults) throws IOException, InterruptedException {
        var log = dir.resolve("apply.log");
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FreshJvmApply.class.getName(), host.hostFile().toString(), spec.toString())
                .directory(host.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().clear();
        process.environment().putAll(host.environment());
        process.environment().put(HostOperations.FAULTS_VARIABLE, faults);
        process.environment().put("ALIVE_OWNER_PASSWORD", ReliabilityHost.PASSWORD);
        var started = process.start();
        if (!started.waitFor(120, TimeUnit.SECONDS)) {
            started.destroyForcibly();
            throw new AssertionError("the apply did not end within 120 s: " + Files.readString(log));
        }
        return started.exitValue();
    }

}
