package dev.pagebook.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A kernel's status and those who listen to its changes (called on the thread that changed it). */
public final class ObservableStatus {

    private final List<Consumer<KernelStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile KernelStatus status = KernelStatus.STARTING;

    public KernelStatus get() {
        return status;
    }

    public void set(KernelStatus next) {
        if (status != next) {
            status = next;
            listeners.forEach(l -> l.accept(next));
        }
    }

    public void addListener(Consumer<KernelStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<KernelStatus> listener) {
        listeners.remove(listener);
    }
}
