package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.kernel.Completion;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.AbstractKernel;
import dev.pagebook.kernel.OutputSink;
import dev.pagebook.kernel.VariableInfo;
import dev.pagebook.kernel.dom.DomBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A kernel in a JVM of its own (a kernel host, {@link KernelHostMain}), behind the same API as
 * the in-process one. Each host runs a {@linkplain KernelOptions#soleKernel() sole kernel}, so
 * its Python is compiled for its one context (docs/kernel.md: up to 2-3x faster than on the
 * app's shared engine), numpy loads in every notebook and after every restart, and a crash in
 * native code takes down the host, not the app. A restart swaps in a spare host booted in the
 * background (with {@link KernelOptions#warmStandby()}), or starts a new one.
 */
public final class HostedKernel extends AbstractKernel {

    /** How long after a host comes into use its spare starts booting (the first cells go first). */
    private static final Duration STANDBY_DELAY = Duration.ofSeconds(10);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final HostCommand command;
    private volatile KernelOptions options;
    private volatile HostProcess host;
    private volatile HostProcess spare;
    private volatile DomBridge page;
    private volatile boolean closed;

    private HostedKernel(KernelOptions options, HostCommand command) {
        this.options = options;
        this.command = command;
    }

    /** A kernel whose host JVM is starting in the background; cells queue until it is ready. */
    public static HostedKernel start(KernelOptions options, HostCommand command) {
        HostedKernel kernel = new HostedKernel(options, command);
        synchronized (kernel) {
            kernel.host = kernel.launch();
        }
        return kernel;
    }

    /** Completes when the current host's kernel is ready; fails if it could not start. */
    public CompletableFuture<Void> ready() {
        return host.idle();
    }

    /** The process id of the host now running cells (for tests and the log). */
    public long hostPid() {
        return host.pid();
    }

    private HostProcess launch() {
        HostProcess[] self = new HostProcess[1];
        try {
            self[0] = HostProcess.start(command, options, next -> hostStatus(self[0], next), this::hostEnded);
        } catch (IOException e) {
            setStatus(KernelStatus.DEAD);
            throw new UncheckedIOException("could not start a kernel host: " + String.join(" ", command.prefix()), e);
        }
        return self[0];
    }

    private void hostStatus(HostProcess from, KernelStatus next) {
        if (from == null || from != host) {
            return;
        }
        setStatus(next);
        if (next == KernelStatus.IDLE) {
            prepareSpareLater(from);
        }
    }

    private synchronized void hostEnded(HostProcess ended, int exitCode) {
        if (ended == spare) {
            spare = null;
            return;
        }
        if (ended != host || closed) {
            return;
        }
        boolean wasReady = ended.idle().isDone() && !ended.idle().isCompletedExceptionally();
        if (exitCode != KernelHost.PYTHON_EXITED && !wasReady) {
            // It never started: starting another would most likely fail the same way.
            setStatus(KernelStatus.DEAD);
            return;
        }
        System.err.println("pagebook: the kernel host (pid " + ended.pid() + ") ended with exit code " + exitCode
                + "; starting a new one");
        replaceHost();
    }

    /** The spare if it is ready, else a new host; called with this locked. */
    private void replaceHost() {
        HostProcess ready = spare;
        spare = null;
        // A spare still booting is used all the same: a new host would be ready no sooner.
        HostProcess next = ready != null && ready.status() != KernelStatus.DEAD ? ready : launch();
        if (ready != null && next != ready) {
            ready.stop();
        }
        host = next;
        if (page != null) {
            next.attachPage(page);
        }
        setStatus(next.status());
        if (next.status() == KernelStatus.IDLE) {
            prepareSpareLater(next);
        }
    }

    private void prepareSpareLater(HostProcess forHost) {
        if (!options.warmStandby()) {
            return;
        }
        Executor later = CompletableFuture.delayedExecutor(STANDBY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        later.execute(() -> {
            synchronized (this) {
                if (!closed && spare == null && host == forHost && forHost.status() != KernelStatus.DEAD) {
                    try {
                        spare = launchSpare();
                    } catch (UncheckedIOException e) {
                        System.err.println("pagebook: no spare kernel host: " + e.getMessage());
                    }
                }
            }
        });
    }

    private HostProcess launchSpare() {
        try {
            // A spare's status is its own until it becomes the host (hostStatus ignores it).
            HostProcess[] self = new HostProcess[1];
            self[0] = HostProcess.start(command, options, next -> hostStatus(self[0], next), this::hostEnded);
            return self[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- cells -------------------------------------------------------------------------------

    @Override
    public CompletableFuture<ExecutionReply> execute(String cellId, String code, OutputSink sink) {
        return host.run(Wire.message("execute").put("cell", cellId).put("code", code), sink);
    }

    @Override
    public CompletableFuture<ExecutionReply> dispatchEvent(String handle, String eventType, OutputSink sink) {
        return host.run(Wire.message("event").put("handle", handle).put("type", eventType), sink);
    }

    @Override
    public CompletableFuture<ExecutionReply> rebindEvents(OutputSink sink) {
        return host.run(Wire.message("rebind"), sink);
    }

    @Override
    public synchronized void setDomBridge(DomBridge bridge) {
        page = bridge;
        host.attachPage(bridge);
    }

    // ---- control -----------------------------------------------------------------------------

    @Override
    public void interrupt() {
        if (status.get() == KernelStatus.BUSY) {
            host.send(Wire.message("interrupt"));
        }
    }

    @Override
    public synchronized CompletableFuture<Void> restart() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the kernel is closed"));
        }
        HostProcess old = host;
        setStatus(KernelStatus.STARTING);
        replaceHost();
        // A cell still running there ends as ABORTED; its process goes at once.
        if (old.status() == KernelStatus.BUSY) {
            old.kill();
        } else {
            old.stop();
        }
        return host.idle();
    }

    /** The spare was booted without the venv: a new host starts with it. */
    @Override
    public synchronized CompletableFuture<Void> restartWithVenv(Path venv) {
        options = options.withVenv(venv);
        HostProcess oldSpare = spare;
        spare = null;
        if (oldSpare != null) {
            oldSpare.stop();
        }
        return restart();
    }

    private void setStatus(KernelStatus next) {
        status.set(next);
    }

    // ---- introspection (only while idle) -----------------------------------------------------

    @Override
    public List<Completion> complete(String code, int cursor) {
        JsonNode rows = host.ask(Wire.message("complete").put("code", code).put("cursor", cursor), QUERY_TIMEOUT);
        List<Completion> result = new ArrayList<>();
        if (rows != null) {
            rows.forEach(row -> result.add(new Completion(row.path(0).asText(), row.path(1).asText(),
                    row.path(2).asInt(), row.path(3).asInt())));
        }
        return result;
    }

    @Override
    public Optional<String> inspect(String code, int cursor) {
        JsonNode text = host.ask(Wire.message("inspect").put("code", code).put("cursor", cursor), QUERY_TIMEOUT);
        return text == null || text.isNull() ? Optional.empty() : Optional.of(text.asText());
    }

    @Override
    public List<VariableInfo> variables() {
        ObjectNode request = Wire.message("variables");
        JsonNode rows = host.ask(request, QUERY_TIMEOUT);
        List<VariableInfo> result = new ArrayList<>();
        if (rows != null) {
            rows.forEach(row -> result.add(new VariableInfo(row.path(0).asText(), row.path(1).asText(),
                    row.path(2).asText(), row.path(3).asText())));
        }
        return result;
    }

    @Override
    public synchronized void close() {
        closed = true;
        HostProcess oldSpare = spare;
        spare = null;
        if (oldSpare != null) {
            oldSpare.stop();
        }
        host.stop();
        setStatus(KernelStatus.DEAD);
    }
}
