package dev.pagebook.kernel.host;

import dev.pagebook.kernel.Completion;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.AbstractKernel;
import dev.pagebook.kernel.OutputSink;
import dev.pagebook.kernel.VariableInfo;
import dev.pagebook.kernel.dom.DomBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's kernel: a {@link HostedKernel}, or a kernel in this process when no host JVM could be
 * started at all ({@link HostLaunchFailure}: the launch itself failed before any Python ran, as
 * when an installed app's launcher would not start hosts). The app then still runs the notebook,
 * without the host's protection from native crashes. A host that started and failed later is
 * not replaced in process: what ended it (a native crash in a warm import, say) would end the app.
 * Cells sent while the host starts wait here, in order, for whichever kernel runs them.
 */
public final class HostOrInProcessKernel extends AbstractKernel {

    private final Supplier<GraalPyKernel> inProcess;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Calls that wait for the host to be ready or replaced (guarded by this). */
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean settled;
    private boolean closed;
    private DomBridge page;
    private volatile Kernel current;

    private HostOrInProcessKernel(HostedKernel hosted, Supplier<GraalPyKernel> inProcess) {
        this.current = hosted;
        this.inProcess = inProcess;
    }

    /** Uses {@code hosted}, or what {@code inProcess} starts if that host cannot be launched. */
    public static HostOrInProcessKernel start(HostedKernel hosted, Supplier<GraalPyKernel> inProcess) {
        HostOrInProcessKernel kernel = new HostOrInProcessKernel(hosted, inProcess);
        hosted.addStatusListener(kernel.relayFrom(hosted));
        hosted.ready().whenComplete((ignored, error) -> kernel.hostSettled(hosted, error));
        return kernel;
    }

    /** Completes when a kernel is ready, the host's or the in-process one; fails if neither started. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** Whether the host could not be launched and cells run in this process. */
    public boolean runsInProcess() {
        return !(current instanceof HostedKernel);
    }

    private Consumer<KernelStatus> relayFrom(Kernel source) {
        return next -> {
            // The host's DEAD before it settled may yet turn into the in-process kernel's STARTING.
            boolean undecided = source instanceof HostedKernel && next == KernelStatus.DEAD && !isSettled();
            if (source == current && !undecided) {
                status.set(next);
            }
        };
    }

    private void hostSettled(HostedKernel hosted, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        List<Runnable> go;
        synchronized (this) {
            if (cause instanceof HostLaunchFailure && !closed) {
                System.err.println("pagebook: running the kernel in this process instead; " + cause.getMessage());
                hosted.close();
                GraalPyKernel local = inProcess.get();
                local.addStatusListener(relayFrom(local));
                if (page != null) {
                    local.setDomBridge(page);
                }
                current = local;
                local.ready().whenComplete((ignored, localError) -> complete(ready, null, localError));
            } else {
                complete(ready, null, error);
            }
            settled = true;
            go = List.copyOf(waiting);
            waiting.clear();
        }
        status.set(current.status());
        go.forEach(Runnable::run);
    }

    private static <T> void complete(CompletableFuture<T> future, T value, Throwable error) {
        if (error == null) {
            future.complete(value);
        } else {
            future.completeExceptionally(error);
        }
    }

    private synchronized boolean isSettled() {
        return settled;
    }

    /** {@code call} on the kernel that runs cells, once that is known; in the order of the calls. */
    private CompletableFuture<ExecutionReply> onSettled(Supplier<CompletableFuture<ExecutionReply>> call) {
        synchronized (this) {
            if (!settled) {
                CompletableFuture<ExecutionReply> reply = new CompletableFuture<>();
                waiting.add(() -> call.get().whenComplete((value, error) -> complete(reply, value, error)));
                return reply;
            }
        }
        return call.get();
    }

    @Override
    public CompletableFuture<ExecutionReply> execute(String cellId, String code, OutputSink sink) {
        return onSettled(() -> current.execute(cellId, code, sink));
    }

    @Override
    public CompletableFuture<ExecutionReply> dispatchEvent(String handle, String eventType, OutputSink sink) {
        return onSettled(() -> current.dispatchEvent(handle, eventType, sink));
    }

    @Override
    public CompletableFuture<ExecutionReply> rebindEvents(OutputSink sink) {
        return onSettled(() -> current.rebindEvents(sink));
    }

    @Override
    public synchronized void setDomBridge(DomBridge bridge) {
        page = bridge;
        current.setDomBridge(bridge);
    }

    @Override
    public void interrupt() {
        current.interrupt();
    }

    @Override
    public CompletableFuture<Void> restart() {
        return current.restart();
    }

    @Override
    public CompletableFuture<Void> restartWithVenv(Path venv) {
        return current.restartWithVenv(venv);
    }

    @Override
    public List<Completion> complete(String code, int cursor) {
        return current.complete(code, cursor);
    }

    @Override
    public Optional<String> inspect(String code, int cursor) {
        return current.inspect(code, cursor);
    }

    @Override
    public List<VariableInfo> variables() {
        return current.variables();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        current.close();
    }
}
