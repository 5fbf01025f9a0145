package dev.pagebook.kernel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The kernel's next context, booted in the background so that a restart only swaps contexts.
 * Its boot waits a while: on two cores a second context booting at once (numpy and matplotlib
 * warm-up included) slows the first cells the user runs after opening a notebook. A restart
 * before the boot has begun takes nothing, and the boot never runs.
 *
 * @param <T> the booted context
 */
final class SpareContext<T> {

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> booted = new CompletableFuture<>();
    private final ScheduledFuture<?> timer;

    SpareContext(Supplier<T> boot, Duration delay, ScheduledExecutorService timers, Executor booter) {
        this.timer = timers.schedule(() -> {
            if (claimed.compareAndSet(false, true)) {
                booter.execute(() -> {
                    try {
                        booted.complete(boot.get());
                    } catch (Throwable e) {
                        booted.completeExceptionally(e);
                    }
                });
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The spare once booted (waiting for a boot under way); empty if it was not begun or failed. */
    Optional<T> take() throws InterruptedException {
        if (claimed.compareAndSet(false, true)) {
            timer.cancel(false);
            return Optional.empty();
        }
        try {
            return Optional.of(booted.get());
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** Drops the spare: one still booting is closed as soon as it is up. */
    void discard(Consumer<T> close) {
        if (claimed.compareAndSet(false, true)) {
            timer.cancel(false);
            return;
        }
        booted.thenAccept(close);
    }
}
