package dev.pagebook.kernel;

import dev.pagebook.kernel.dom.DomBridge;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Python kernel in the spirit of Jupyter's: runs cells, streams their outputs, can be
 * interrupted and restarted. Implementations never block the caller's thread on Python work.
 */
public interface Kernel extends AutoCloseable {

    /** Runs {@code code} as cell {@code cellId}; outputs reach {@code sink} while the cell runs. */
    CompletableFuture<ExecutionReply> execute(String cellId, String code, OutputSink sink);

    /**
     * Runs the Python handlers for {@code eventType} on the element {@code handle} (see
     * {@link DomBridge#listen}); their outputs go to {@code sink}. The reply's count is 0.
     */
    CompletableFuture<ExecutionReply> dispatchEvent(String handle, String eventType, OutputSink sink);

    /**
     * The page was loaded anew, so its elements have new handles: binds the handlers registered
     * with {@code @when} and friends to the elements their selectors (or ids) find now.
     */
    default CompletableFuture<ExecutionReply> rebindEvents(OutputSink sink) {
        return CompletableFuture.completedFuture(new ExecutionReply(ExecutionReply.Status.OK, 0, java.time.Duration.ZERO));
    }

    /** The page behind {@code pyscript.document}; null detaches it. Takes effect for the next cell. */
    void setDomBridge(DomBridge bridge);

    /** Stops the running cell (if any); the kernel stays usable. */
    void interrupt();

    /** A clean namespace; completes when the kernel is ready again. */
    CompletableFuture<Void> restart();

    /**
     * Restarts with numpy/matplotlib from {@code venv} (built after this kernel started). Kernels
     * without venv support just restart.
     */
    default CompletableFuture<Void> restartWithVenv(java.nio.file.Path venv) {
        return restart();
    }

    KernelStatus status();

    void addStatusListener(Consumer<KernelStatus> listener);

    void removeStatusListener(Consumer<KernelStatus> listener);

    /** Candidates for the name before {@code cursor}; empty while a cell is running. */
    List<Completion> complete(String code, int cursor);

    /** Type, signature and docstring of the name at {@code cursor}; empty while a cell is running. */
    Optional<String> inspect(String code, int cursor);

    /** The user's names; empty while a cell is running. */
    List<VariableInfo> variables();

    @Override
    void close();
}
