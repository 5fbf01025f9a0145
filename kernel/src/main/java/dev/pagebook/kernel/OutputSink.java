package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;

/** Receives a cell's outputs as they happen, on a kernel thread. */
@FunctionalInterface
public interface OutputSink {

    void accept(Output output);

    /** IPython's clear_output(): drop what the cell has shown so far. */
    default void clear() {
    }
}
