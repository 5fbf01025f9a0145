package dev.pagebook.kernel;

import java.util.function.Consumer;

/** A kernel's status and its listeners, kept the same way by every kernel. */
public abstract class AbstractKernel implements Kernel {

    /** Subclasses set it; listeners hear each change on the thread that made it. */
    protected final ObservableStatus status = new ObservableStatus();

    @Override
    public final KernelStatus status() {
        return status.get();
    }

    @Override
    public final void addStatusListener(Consumer<KernelStatus> listener) {
        status.addListener(listener);
    }

    @Override
    public final void removeStatusListener(Consumer<KernelStatus> listener) {
        status.removeListener(listener);
    }
}
