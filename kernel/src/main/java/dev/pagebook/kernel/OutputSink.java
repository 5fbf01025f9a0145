package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;

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
}
