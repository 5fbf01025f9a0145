package dev.pagebook.app.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The one way the app does slow work: off the FX thread on a small daemon pool, with the result
 * or the error handed back on the FX thread. Kernel calls, file reads and writes, exports and pip
 * all go through here, so no view ever blocks and errors reach one handler.
 */
public final class BackgroundTasks {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "pagebook-task-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Throwable> defaultErrorHandler;

    public BackgroundTasks(Consumer<Throwable> defaultErrorHandler) {
        this.defaultErrorHandler = defaultErrorHandler;
    }

    /** Runs {@code work} in the background; {@code onDone} gets its result on the FX thread. */
    public <T> CompletableFuture<T> run(Supplier<T> work, Consumer<T> onDone) {
        return run(work, onDone, defaultErrorHandler);
    }

    public <T> CompletableFuture<T> run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return whenDone(CompletableFuture.supplyAsync(work, pool), onDone, onError);
    }

    /** Hands the outcome of work already under way (a kernel future) to the FX thread. */
    public <T> CompletableFuture<T> whenDone(CompletableFuture<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        work.whenComplete((value, error) -> onFx(() -> {
            if (error != null) {
                onError.accept(unwrap(error));
            } else {
                onDone.accept(value);
            }
        }));
        return work;
    }

    public <T> CompletableFuture<T> whenDone(CompletableFuture<T> work, Consumer<T> onDone) {
        return whenDone(work, onDone, defaultErrorHandler);
    }

    /** Runs {@code action} on the FX thread (now, if already there). */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
