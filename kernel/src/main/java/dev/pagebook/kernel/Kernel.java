package dev.pagebook.kernel;

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

    /** Stops the running cell (if any); the kernel stays usable. */
    void interrupt();

    /** A clean namespace; completes when the kernel is ready again. */
    CompletableFuture<Void> restart();

    KernelStatus status();

    void addStatusListener(Consumer<KernelStatus> listener);

    void removeStatusListener(Consumer<KernelStatus> listener);

    List<Completion> complete(String code, int cursor);

    Optional<String> inspect(String code, int cursor);

    List<VariableInfo> variables();

    @Override
    void close();
}
