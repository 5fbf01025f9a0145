package dev.pagebook.kernel;

/** Life cycle of a kernel, as shown in the app's status bar. */
public enum KernelStatus {
    STARTING, IDLE, BUSY, DEAD
}
