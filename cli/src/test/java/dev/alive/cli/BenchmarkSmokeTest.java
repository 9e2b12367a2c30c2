package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke test: {@code bench/smoke} runs {@code bench/run} on tiny sizes (every
 * scenario once, through {@code bin/alive}) and must report every scenario with none failed. Like
 * {@link ExampleDeployTest} it runs after the jar is packaged (cli/pom.xml).
 */
@Tag("slow")
class BenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theBenchmarkRunsEveryScenarioOnTinySizes() throws Exception {
        Path log = dir.resolve("smoke.log");
        Process smoke = new ProcessBuilder(BinAlive.REPO.resolve("bench/smoke").toString())
                .directory(BinAlive.REPO.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!smoke.waitFor(10, TimeUnit.MINUTES)) {
            smoke.descendants().forEach(ProcessHandle::destroyForcibly);
            smoke.destroyForcibly();
            throw new AssertionError("bench/smoke did not finish within 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(smoke.exitValue()).as(output).isZero();
        assertThat(output).contains("bench/smoke: ok");
    }
}
