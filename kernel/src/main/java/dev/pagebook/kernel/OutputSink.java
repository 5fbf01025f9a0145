package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;
import java.util.concurrent.CompletableFuture;

/**
 * Receives a cell's outputs as they happen, on a kernel thread (stream text may arrive on the
 * kernel's output flusher thread; calls are never concurrent for one cell).
 */
@FunctionalInterface
public interface OutputSink {

    void accept(Output output);

    /** IPython's clear_output(): drop what the cell has shown so far. */
    default void clear() {
    }

    /**
     * {@code input(prompt)} in the cell: completes with the line the user typed. A failed future
     * (the default) means nobody can answer here; the cell then gets an EOFError with its message.
     * Called on the kernel thread; the cell waits, interruptibly, until it completes.
     */
    default CompletableFuture<String> input(String prompt, boolean password) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "nobody can type an answer here; give the value another way, e.g. as a parameter"));
    }
}
