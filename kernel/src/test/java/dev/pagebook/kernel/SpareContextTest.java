package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpareContextTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService booter = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        timers.shutdownNow();
        booter.shutdownNow();
    }

    /** A boot that finishes, with {@code context}, only when {@code release} is counted down. */
    private static String bootedOnRelease(CountDownLatch release, String context) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return context;
    }

    @Test
    void aRestartBeforeTheDelayTakesNothingAndTheBootNeverRuns() throws Exception {
        AtomicInteger boots = new AtomicInteger();
        SpareContext<String> spare = new SpareContext<>(() -> "ctx" + boots.incrementAndGet(), Duration.ofMillis(300), timers, booter);
        assertThat(spare.take()).isEmpty();
        Thread.sleep(600);
        assertThat(boots).hasValue(0);
    }

    @Test
    void afterTheDelayTheBootedSpareIsTakenAndABootUnderWayIsAwaited() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SpareContext<String> spare = new SpareContext<>(() -> bootedOnRelease(release, "booted"), Duration.ofMillis(50),
                timers, booter);
        Thread.sleep(300);
        booter.execute(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        assertThat(spare.take()).contains("booted");
    }

    @Test
    void aFailedBootGivesNothingSoTheKernelBootsInTheForeground() throws Exception {
        SpareContext<String> spare = new SpareContext<>(() -> {
            throw new IllegalStateException("no context");
        }, Duration.ZERO, timers, booter);
        Thread.sleep(200);
        assertThat(spare.take()).isEmpty();
    }

    @Test
    void discardingClosesASpareStillBootingOnceItIsUp() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        SpareContext<String> spare = new SpareContext<>(() -> bootedOnRelease(release, "late"), Duration.ZERO, timers, booter);
        Thread.sleep(200);
        spare.discard(closed::add);
        assertThat(closed).isEmpty();
        release.countDown();
        booter.shutdown();
        booter.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        assertThat(closed).containsExactly("late");
    }
}
