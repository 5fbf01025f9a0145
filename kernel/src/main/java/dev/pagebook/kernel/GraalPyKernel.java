package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.dom.DomAccess;
import dev.pagebook.kernel.dom.DomBridge;
import dev.pagebook.kernel.dom.DomChangeLog;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The in-process kernel: one GraalPy context on the {@linkplain SharedEngine shared engine}
 * (or, for a {@linkplain KernelOptions#soleKernel() sole kernel}, on its own), driven by one
 * kernel thread. The context is created in the background (STARTING, then IDLE).
 */
public final class GraalPyKernel extends AbstractKernel {

    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
            .allowArrayAccess(true).build();
    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * GraalPy raises RecursionError when the Java stack overflows, not at sys.getrecursionlimit():
     * 32 MB allows several thousand Python frames (CPython's default limit is 1000) while infinite
     * recursion still fails in well under a second (1 GB took 20 s).
     */
    private static final long KERNEL_STACK_BYTES = 32L << 20;
    private static final ExecutorService STANDBY_BOOTER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "pagebook-kernel-standby", KERNEL_STACK_BYTES);
        t.setDaemon(true);
        return t;
    });
    /** How long after a context comes into use the spare one starts booting (see {@link SpareContext}). */
    private static final Duration STANDBY_DELAY = Duration.ofSeconds(10);
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pagebook-output-flusher");
        t.setDaemon(true);
        return t;
    });

    private volatile KernelOptions options;
    private final ExecutorService kernelThread;
    private final AtomicReference<CellRun> current = new AtomicReference<>();
    private final KernelChannel channel;
    private final ScheduledFuture<?> flushing;
    private volatile Context context;
    private volatile DomBridge bridge;
    private volatile CompletableFuture<Void> ready;
    private volatile SpareContext<Booted> standby;
    private volatile boolean closed;
    private volatile boolean exitMeansRestart;
    private Value shell;
    private int executionCount;

    private GraalPyKernel(KernelOptions options) {
        this.options = options;
        this.channel = new KernelChannel(current, new PipRunner(options.venv()));
        this.kernelThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "pagebook-kernel-" + THREADS.incrementAndGet(), KERNEL_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        this.flushing = FLUSHER.scheduleWithFixedDelay(() -> {
            CellRun run = current.get();
            if (run != null) {
                run.flush();
            }
        }, 30, 30, TimeUnit.MILLISECONDS);
    }

    /** A kernel whose context is being created in the background; cells queue until it is ready. */
    public static GraalPyKernel start(KernelOptions options) {
        GraalPyKernel kernel = new GraalPyKernel(options);
        kernel.ready = kernel.submit(() -> {
            kernel.createContext();
            return null;
        });
        return kernel;
    }

    /** Completes when the kernel has started (or failed to: then status is DEAD). */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /**
     * This sole kernel runs in a kernel host, whose app starts a new host when a cell ends the
     * Python process: the cell's error says the kernel was restarted, not stopped.
     */
    public void reportExitAsRestart() {
        exitMeansRestart = true;
    }

    /** The JIT in use: "GraalVM CE" (compiled) or "Interpreted". */
    public static String compilerName() {
        return SharedEngine.compilerName();
    }

    // ---- context life cycle (kernel thread) ---------------------------------------------------

    /** A context with the kernel's helpers loaded, not yet in use. */
    private record Booted(Context context, Value shell) {
        void close() {
            try {
                context.close(true);
            } catch (PolyglotException | IllegalStateException e) {
                // Never used: nothing to keep.
            }
        }
    }

    private void createContext() {
        setStatus(KernelStatus.STARTING);
        try {
            use(bootContext());
        } catch (RuntimeException e) {
            setStatus(KernelStatus.DEAD);
            throw e;
        }
        prepareStandby();
    }

    private void use(Booted booted) {
        context = booted.context();
        shell = booted.shell();
        executionCount = 0;
        setStatus(KernelStatus.IDLE);
    }

    /** On the spare's own thread: submit() is not there to look for new threads while it boots. */
    private Booted bootSpare() {
        try (KernelThreadPriority.Scans scans = KernelThreadPriority.scanWhileWorking(FLUSHER)) {
            return bootContext();
        }
    }

    private Booted bootContext() {
        Context created = options.soleKernel() ? buildOnOwnEngine() : buildOnSharedEngine();
        try {
            Value boot = created.eval("python", "import pagebook_kernel.boot\npagebook_kernel.boot");
            Value shell = boot.invokeMember("start", channel, options.pageConfigJson());
            if (!options.warmImports().isEmpty()) {
                boot.invokeMember("warm_imports", (Object) options.warmImports().toArray(String[]::new));
            }
            return new Booted(created, shell);
        } catch (RuntimeException e) {
            created.close(true);
            throw e;
        }
    }

    private Context.Builder contextBuilder() {
        Path cache = KernelCache.root();
        Context.Builder builder = Context.newBuilder("python")
                .allowHostAccess(HOST_ACCESS)
                .allowIO(IOAccess.ALL)
                .allowCreateThread(true)
                .allowNativeAccess(true)
                .allowCreateProcess(true)
                .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                // Set here rather than through os.environ: the kernel's boot does not import os.
                .environment("MPLBACKEND", "module://pagebook_kernel.mpl_backend")
                .allowExperimentalOptions(true)
                .currentWorkingDirectory(options.workingDirectory())
                .in(InputStream.nullInputStream())
                .out(new DispatchingOutputStream(Output.Stream.STDOUT, current))
                .err(new DispatchingOutputStream(Output.Stream.STDERR, current))
                .option("python.PythonPath", PythonHelpers.directory(cache).toString())
                .option("python.DontWriteBytecodeFlag", "false")
                .option("python.PyCachePrefix", cache.resolve("pycache").toString())
                .option("python.WarnExperimentalFeatures", "false");
        // GraalPy sizes each new list from a `[]` literal like the lists that literal made before.
        // `d.setdefault(k, []).append(x)` then allocates a long list's worth for every discarded
        // default: 57x slower than with the option off (docs/kernel.md). A -D property wins.
        if (System.getProperty("polyglot.python.OverallocateLiteralLists") == null) {
            builder.option("python.OverallocateLiteralLists", "false");
        }
        ScienceVenv.configure(builder, options.venv(), options.soleKernel());
        return builder;
    }

    private Context buildOnSharedEngine() {
        ProcessEngines.THIS_PROCESS.claimShared();
        return contextBuilder().engine(SharedEngine.get()).build();
    }

    private Context buildOnOwnEngine() {
        ProcessEngines.THIS_PROCESS.claimSole();
        try {
            return withEngineOptions(contextBuilder(), true).build();
        } catch (IllegalArgumentException noCompiler) {
            // No Graal JIT in this JVM: engine.Mode does not exist there (as in SharedEngine).
            return withEngineOptions(contextBuilder(), false).build();
        }
    }

    private static Context.Builder withEngineOptions(Context.Builder builder, boolean compilerOptions) {
        SharedEngine.engineOptions(compilerOptions).forEach(builder::option);
        return builder;
    }

    /**
     * Boots the next context in the background, so restart() only swaps contexts (creating one
     * took 6-20 s on this loaded 2-core machine; the goal is 1 s).
     */
    private void prepareStandby() {
        if (closed || !options.warmStandby()) {
            return;
        }
        standby = new SpareContext<>(this::bootSpare, STANDBY_DELAY, FLUSHER, STANDBY_BOOTER);
    }

    private void replaceContext() {
        closeContext(true);
        if (options.soleKernel()) {
            // Its process cannot load numpy into a new context (ProcessEngines).
            setStatus(KernelStatus.DEAD);
            return;
        }
        setStatus(KernelStatus.STARTING);
        try {
            use(takeStandby());
        } catch (RuntimeException e) {
            setStatus(KernelStatus.DEAD);
            throw e;
        }
        prepareStandby();
    }

    private Booted takeStandby() {
        SpareContext<Booted> next = standby;
        standby = null;
        if (next != null) {
            try {
                // Empty when its boot had not begun, or failed: then boot in the foreground.
                return next.take().orElseGet(this::bootContext);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return bootContext();
    }

    private void closeContext(boolean cancel) {
        Context old = context;
        context = null;
        shell = null;
        if (old != null) {
            try {
                old.close(cancel);
            } catch (PolyglotException | IllegalStateException e) {
                // Already closed or cancelled: nothing left to release.
            }
        }
    }

    // ---- running cells -----------------------------------------------------------------------

    @Override
    public CompletableFuture<ExecutionReply> execute(String cellId, String code, OutputSink sink) {
        return submit(() -> run(sink, count -> shell.invokeMember("run_cell", code, cellId, count), true));
    }

    @Override
    public CompletableFuture<ExecutionReply> dispatchEvent(String handle, String eventType, OutputSink sink) {
        return submit(() -> run(sink, count -> shell.invokeMember("dispatch_event", handle, eventType), false));
    }

    @Override
    public CompletableFuture<ExecutionReply> rebindEvents(OutputSink sink) {
        // A kernel still starting (or dead) holds no handlers yet: nothing to bind, nothing to report.
        return submit(() -> shell == null || status.get() == KernelStatus.DEAD
                ? new ExecutionReply(ExecutionReply.Status.OK, 0, Duration.ZERO)
                : run(sink, count -> shell.invokeMember("rebind_events"), false));
    }

    private interface PythonCall {
        Value call(int count);
    }

    private ExecutionReply run(OutputSink sink, PythonCall call, boolean counted) {
        long start = System.nanoTime();
        if (shell == null || status.get() == KernelStatus.DEAD) {
            sink.accept(new Output.Error("KernelNotReady", "the kernel is not running",
                    List.of("The kernel is not running; restart it.")));
            return new ExecutionReply(ExecutionReply.Status.ABORTED, 0, Duration.ZERO);
        }
        int count = counted ? ++executionCount : 0;
        CellRun run = new CellRun(sink, options.streamCap());
        current.set(run);
        setStatus(KernelStatus.BUSY);
        ExecutionReply.Status result;
        try {
            result = "ok".equals(call.call(count).asString()) ? ExecutionReply.Status.OK : ExecutionReply.Status.ERROR;
        } catch (PolyglotException e) {
            result = escaped(e, run);
        } catch (IllegalStateException e) {
            // The context was closed under us by restart() or close().
            result = ExecutionReply.Status.ABORTED;
        } finally {
            recordPageChanges(run);
            run.endInput();
            run.flush();
            current.set(null);
        }
        if (status.get() == KernelStatus.BUSY) {
            setStatus(shell == null ? KernelStatus.DEAD : KernelStatus.IDLE);
        }
        return new ExecutionReply(result, count, Duration.ofNanos(System.nanoTime() - start));
    }

    /** A PolyglotException reaching Java is one Python could not catch: interrupt, cancel, exit. */
    private ExecutionReply.Status escaped(PolyglotException e, CellRun run) {
        if (e.isInterrupted()) {
            run.emit(new Output.Error("KeyboardInterrupt", "", List.of("KeyboardInterrupt: the cell was interrupted")));
            return ExecutionReply.Status.INTERRUPTED;
        }
        if (e.isCancelled()) {
            return ExecutionReply.Status.ABORTED;
        }
        if (e.isExit()) {
            run.emit(new Output.Error("SystemExit", String.valueOf(e.getExitStatus()),
                    List.of("The Python process exited (status " + e.getExitStatus() + "); the kernel was "
                            + (options.soleKernel() && !exitMeansRestart ? "stopped." : "restarted."))));
            replaceContext();
            return ExecutionReply.Status.ERROR;
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        run.emit(new Output.Error(e.isResourceExhausted() ? "MemoryError" : "InternalError", message,
                List.of((e.isResourceExhausted() ? "MemoryError: " : "InternalError: ") + message)));
        return ExecutionReply.Status.ERROR;
    }

    /** Page changes a headless run must save go out as outputs of the cell that made them. */
    private void recordPageChanges(CellRun run) {
        if (bridge instanceof DomChangeLog log) {
            for (Map.Entry<String, String> change : log.drainChanges().entrySet()) {
                run.emit(new Output.DisplayData(Map.of("text/html", change.getValue()),
                        Map.of("pagebook", Map.of("target", change.getKey()))));
            }
        }
    }

    @Override
    public void setDomBridge(DomBridge bridge) {
        this.bridge = bridge;
        channel.setDom(bridge == null ? null : new DomAccess(bridge));
    }

    // ---- control ---------------------------------------------------------------------------

    @Override
    public void interrupt() {
        Context running = context;
        if (running == null || status.get() != KernelStatus.BUSY) {
            return;
        }
        Thread.ofPlatform().daemon().name("pagebook-interrupt").start(() -> {
            try {
                running.interrupt(Duration.ofSeconds(10));
            } catch (TimeoutException | PolyglotException | IllegalStateException e) {
                // Native code (e.g. a long numpy call) ignores interrupts until it returns.
            }
        });
    }

    @Override
    public CompletableFuture<Void> restart() {
        return restart(false);
    }

    /**
     * Restarts into {@code venv}: how a kernel started before the science venv was built (first
     * run) gets numpy and matplotlib. The spare context, booted without the venv, is dropped.
     */
    @Override
    public CompletableFuture<Void> restartWithVenv(Path venv) {
        options = options.withVenv(venv);
        channel.usePip(new PipRunner(venv));
        return restart(true);
    }

    private CompletableFuture<Void> restart(boolean dropStandby) {
        if (options.soleKernel()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "A sole kernel (a batch run's) cannot restart: its process cannot load numpy into a new context."));
        }
        if (status.get() == KernelStatus.BUSY) {
            Context running = context;
            if (running != null) {
                try {
                    running.close(true);
                } catch (PolyglotException | IllegalStateException e) {
                    // It is going away either way.
                }
            }
        }
        setStatus(KernelStatus.STARTING);
        return submit(() -> {
            if (dropStandby) {
                discardStandby();
            }
            replaceContext();
            return null;
        });
    }

    private void setStatus(KernelStatus next) {
        status.set(next);
    }

    // ---- introspection (kernel thread, only while idle) -----------------------------------------

    @Override
    public List<Completion> complete(String code, int cursor) {
        return whenIdle(() -> {
            Value rows = shell.invokeMember("complete", code, cursor);
            List<Completion> result = new ArrayList<>();
            for (long i = 0; i < rows.getArraySize(); i++) {
                Value row = rows.getArrayElement(i);
                result.add(new Completion(row.getArrayElement(0).asString(), row.getArrayElement(1).asString(),
                        row.getArrayElement(2).asInt(), row.getArrayElement(3).asInt()));
            }
            return result;
        }, List.of());
    }

    @Override
    public Optional<String> inspect(String code, int cursor) {
        return whenIdle(() -> {
            Value text = shell.invokeMember("inspect", code, cursor);
            return text.isNull() ? Optional.<String>empty() : Optional.of(text.asString());
        }, Optional.empty());
    }

    @Override
    public List<VariableInfo> variables() {
        return whenIdle(() -> {
            Value rows = shell.invokeMember("variables");
            List<VariableInfo> result = new ArrayList<>();
            for (long i = 0; i < rows.getArraySize(); i++) {
                Value row = rows.getArrayElement(i);
                result.add(new VariableInfo(row.getArrayElement(0).asString(), row.getArrayElement(1).asString(),
                        row.getArrayElement(2).asString(), row.getArrayElement(3).asString()));
            }
            return result;
        }, List.of());
    }

    private <T> T whenIdle(Supplier<T> query, T otherwise) {
        if (status.get() != KernelStatus.IDLE) {
            return otherwise;
        }
        try {
            return submit(() -> shell == null ? otherwise : query.get()).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return otherwise;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        }
    }

    // ---- plumbing --------------------------------------------------------------------------

    private <T> CompletableFuture<T> submit(java.util.concurrent.Callable<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            kernelThread.execute(() -> {
                try (KernelThreadPriority.Scans scans = KernelThreadPriority.scanWhileWorking(FLUSHER)) {
                    future.complete(task.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(new IllegalStateException("the kernel is closed", e));
        }
        return future;
    }

    private void discardStandby() {
        SpareContext<Booted> spare = standby;
        standby = null;
        if (spare != null) {
            spare.discard(Booted::close);
        }
    }

    @Override
    public void close() {
        closed = true;
        flushing.cancel(false);
        discardStandby();
        Context running = context;
        if (running != null) {
            try {
                running.close(true);
            } catch (PolyglotException | IllegalStateException e) {
                // Closing anyway.
            }
        }
        kernelThread.shutdown();
        try {
            kernelThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        setStatus(KernelStatus.DEAD);
    }
}
