package dev.pagebook.app.window;

import dev.pagebook.kernel.Completion;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.OutputSink;
import dev.pagebook.kernel.VariableInfo;
import dev.pagebook.kernel.dom.DomBridge;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A kernel that runs nothing, for tests of pure window wiring (files, recovery) only: never the
 * evidence for kernel behaviour, which the tests take from the real GraalPy kernel.
 */
final class SilentKernel implements Kernel {

    @Override
    public CompletableFuture<ExecutionReply> execute(String cellId, String code, OutputSink sink) {
        return CompletableFuture.completedFuture(new ExecutionReply(ExecutionReply.Status.OK, 1, Duration.ZERO));
    }

    @Override
    public CompletableFuture<ExecutionReply> dispatchEvent(String handle, String eventType, OutputSink sink) {
        return CompletableFuture.completedFuture(new ExecutionReply(ExecutionReply.Status.OK, 0, Duration.ZERO));
    }

    @Override
    public void setDomBridge(DomBridge bridge) {
    }

    @Override
    public void interrupt() {
    }

    @Override
    public CompletableFuture<Void> restart() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public KernelStatus status() {
        return KernelStatus.IDLE;
    }

    @Override
    public void addStatusListener(Consumer<KernelStatus> listener) {
    }

    @Override
    public void removeStatusListener(Consumer<KernelStatus> listener) {
    }

    @Override
    public List<Completion> complete(String code, int cursor) {
        return List.of();
    }

    @Override
    public Optional<String> inspect(String code, int cursor) {
        return Optional.empty();
    }

    @Override
    public List<VariableInfo> variables() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
