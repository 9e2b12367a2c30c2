package dev.alive.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.specs.HostProfiles;
import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandResult;
import dev.alive.tasks.system.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads of the proxy are coalesced: requests made while one runs share the next one. */
class CaddySiteProxyTest {

    @TempDir
    Path dir;

    @Test
    void requestsMadeDuringAReloadShareOneMoreReload() throws Exception {
        var reloads = new AtomicInteger();
        var firstStarted = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        CommandRunner caddy = new CommandRunner() {
            @Override
            public CommandResult run(Command command, Consumer<String> output) {
                if (command.argv().contains("reload") && reloads.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    await(releaseFirst);
                }
                return new CommandResult(0, List.of(), Duration.ZERO);
            }
        };
        var host = HostProfiles.local(dir, Map.of("PATH", System.getenv("PATH")));
        var proxy = new CaddySiteProxy(host, caddy);
        var first = start(proxy::reload);
        await(firstStarted);
        var waiting = new ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            waiting.add(start(proxy::reload));
        }
        for (var thread : waiting) {
            awaitBlocked(thread);
        }

        releaseFirst.countDown();
        first.join(5000);
        for (var thread : waiting) {
            thread.join(5000);
        }

        assertThat(reloads).hasValue(2);
        assertThat(waiting).noneMatch(Thread::isAlive);
        proxy.reload();
        assertThat(reloads).as("a request after them all reloads again").hasValue(3);
    }

    private static Thread start(Runnable action) {
        var thread = new Thread(action);
        thread.start();
        return thread;
    }

    /** Blocked twice in a row: waiting for the running reload, not passing a short lock. */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(blocked(thread) && blockedAfterAWhile(thread)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.BLOCKED);
    }

    private static boolean blocked(Thread thread) {
        return thread.getState() == Thread.State.BLOCKED;
    }

    private static boolean blockedAfterAWhile(Thread thread) throws InterruptedException {
        Thread.sleep(20);
        return blocked(thread);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
