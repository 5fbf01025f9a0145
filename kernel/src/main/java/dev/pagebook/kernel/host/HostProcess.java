package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.json.OutputJson;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.OutputSink;
import dev.pagebook.kernel.dom.DomBridge;
import dev.pagebook.kernel.dom.DomChangeLog;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** One kernel host JVM as the app sees it: its process, its connection and the requests in flight. */
final class HostProcess {

    /** How long a host may take to connect back (a cold JVM on a busy machine). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);

    /** A cell running in the host; {@code question} is its open input() request, if any. */
    private record Run(OutputSink sink, CompletableFuture<ExecutionReply> reply,
                       AtomicReference<CompletableFuture<String>> question) {
        Run(OutputSink sink, CompletableFuture<ExecutionReply> reply) {
            this(sink, reply, new AtomicReference<>());
        }

        /** The cell has ended: an unanswered question is withdrawn (the app removes its field). */
        void ended() {
            CompletableFuture<String> open = question.getAndSet(null);
            if (open != null) {
                open.cancel(false);
            }
        }
    }

    private final Process process;
    private final Path socketDirectory;
    private final CompletableFuture<Wire> wire = new CompletableFuture<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private final ExecutorService writer;
    /** The page bridge may wait for the UI thread; outputs and replies keep flowing meanwhile. */
    private final ExecutorService pageCalls;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<JsonNode>> queries = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<KernelStatus> onStatus;
    private final BiConsumer<HostProcess, Integer> onEnd;
    private volatile KernelStatus status = KernelStatus.STARTING;
    private volatile DomBridge page;
    private volatile boolean stopping;
    private final HostOutputTail output;
    /** Why the host is gone, for cells sent to it afterwards. */
    private volatile String endReason;

    private HostProcess(Process process, Path socketDirectory, Consumer<KernelStatus> onStatus,
                        BiConsumer<HostProcess, Integer> onEnd) {
        this.process = process;
        this.socketDirectory = socketDirectory;
        this.onStatus = onStatus;
        this.onEnd = onEnd;
        long pid = process.pid();
        this.output = HostOutputTail.follow(process, "pagebook-host-" + pid);
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, "pagebook-host-" + pid + "-writer"));
        this.pageCalls = Executors.newSingleThreadExecutor(r -> daemon(r, "pagebook-host-" + pid + "-page"));
    }

    /**
     * Starts a host JVM; {@code onStatus} hears its kernel's status changes, {@code onEnd} its
     * exit code once the process has ended (both on the host's reader thread).
     */
    static HostProcess start(HostCommand command, KernelOptions options, Consumer<KernelStatus> onStatus,
                             BiConsumer<HostProcess, Integer> onEnd) throws IOException {
        Path dir = privateDirectory();
        Path socket = dir.resolve("kernel.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.withSocket(socket.toString()))
                    .directory(options.workingDirectory().toFile());
            HostCommand.cleanEnvironment(builder.environment());
            process = builder.start();
        } catch (IOException e) {
            server.close();
            deleteQuietly(socket, dir);
            throw e;
        }
        HostProcess host = new HostProcess(process, dir, onStatus, onEnd);
        host.connect(server, socket, options);
        return host;
    }

    /** Only this user may connect: the socket's folder is theirs alone (where the file system says so). */
    private static Path privateDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory("pagebook-kernel",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("pagebook-kernel");
    }

    private void connect(ServerSocketChannel server, Path socket, KernelOptions options) {
        Thread.ofPlatform().daemon().name("pagebook-host-" + process.pid() + "-reader").start(() -> {
            try (server) {
                SocketChannel channel = server.accept();
                Wire connected = new Wire(channel);
                connected.send(HostedOptions.toMessage(options));
                wire.complete(connected);
                read(connected);
            } catch (IOException | RuntimeException e) {
                wire.completeExceptionally(e);
            } finally {
                deleteQuietly(socket, socketDirectory);
                ended();
            }
        });
        // A host that dies before connecting leaves accept() waiting: closing the server ends it.
        process.onExit().thenRun(() -> {
            if (!wire.isDone()) {
                closeQuietly(server);
            }
        });
        CompletableFuture.delayedExecutor(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!wire.isDone()) {
                process.destroyForcibly();
            }
        });
    }

    private void read(Wire connected) throws IOException {
        for (ObjectNode received = connected.receive(); received != null; received = connected.receive()) {
            ObjectNode message = received;
            long id = message.path("id").asLong();
            switch (message.path("op").asText()) {
                case "status" -> statusChanged(KernelStatus.valueOf(message.path("status").asText()));
                case "output" -> {
                    Run run = runs.get(id);
                    if (run != null) {
                        run.sink().accept(OutputJson.fromJson(message.path("output")));
                    }
                }
                case "clear" -> {
                    Run run = runs.get(id);
                    if (run != null) {
                        run.sink().clear();
                    }
                }
                case "reply" -> replied(id, message);
                case "input" -> {
                    Run run = runs.get(id);
                    if (run != null) {
                        asked(id, run, message);
                    }
                }
                case "answer" -> {
                    CompletableFuture<JsonNode> query = queries.remove(id);
                    if (query != null) {
                        query.complete(message.get("value"));
                    }
                }
                case "dom" -> pageCalls.execute(() -> answerPage(id, message));
                default -> System.err.println("pagebook: unknown message from the kernel host: " + message);
            }
        }
    }

    private void statusChanged(KernelStatus next) {
        status = next;
        // The kernel's status first: whoever waits for idle() then sees it IDLE.
        onStatus.accept(next);
        if (next == KernelStatus.IDLE) {
            idle.complete(null);
        } else if (next == KernelStatus.DEAD && !idle.isDone()) {
            idle.completeExceptionally(new IllegalStateException("the kernel did not start (see the log)"));
        }
    }

    /** input() in the host's cell: the app's sink answers, and the answer goes back. */
    private void asked(long id, Run run, ObjectNode message) {
        CompletableFuture<String> question = run.sink().input(message.path("prompt").asText(),
                message.path("password").asBoolean());
        run.question().set(question);
        question.whenComplete((answer, error) -> {
            ObjectNode reply = Wire.message("inputReply").put("id", id);
            if (error == null) {
                reply.put("value", answer);
            } else {
                reply.put("error", error instanceof java.util.concurrent.CancellationException
                        ? "the question was withdrawn" : String.valueOf(unwrap(error).getMessage()));
            }
            send(reply);
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void replied(long id, ObjectNode message) {
        Run run = runs.remove(id);
        if (run == null) {
            return;
        }
        run.ended();
        if (message.path("error").isTextual()) {
            run.reply().completeExceptionally(new IllegalStateException(message.path("error").asText()));
            return;
        }
        // A batch run's headless page records what cells changed; the host cannot see that log.
        if (page instanceof DomChangeLog log) {
            for (Map.Entry<String, String> change : log.drainChanges().entrySet()) {
                run.sink().accept(new Output.DisplayData(Map.of("text/html", change.getValue()),
                        Map.of("pagebook", Map.of("target", change.getKey()))));
            }
        }
        run.reply().complete(new ExecutionReply(ExecutionReply.Status.valueOf(message.path("status").asText()),
                message.path("count").asInt(), Duration.ofNanos(message.path("nanos").asLong())));
    }

    private void answerPage(long id, ObjectNode request) {
        ObjectNode reply = Wire.message("domReply").put("id", id);
        DomBridge bridge = page;
        try {
            if (bridge == null) {
                throw new IllegalArgumentException("this kernel has no page");
            }
            reply.set("value", DomCalls.invoke(bridge, request.path("method").asText(), request.path("args")));
        } catch (RuntimeException e) {
            reply.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        send(reply);
    }

    /** The process has gone: requests in flight end, with a word to the cell that was running. */
    private void ended() {
        int exitCode;
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = -1;
        }
        String said = output.lastLines(1, TimeUnit.SECONDS);
        String saidLast = said.isEmpty() ? "" : "; it wrote last:\n" + said;
        endReason = "the kernel process ended (exit code " + exitCode + ")" + saidLast;
        boolean wasReady = idle.isDone() && !idle.isCompletedExceptionally();
        status = KernelStatus.DEAD;
        for (Run run : runs.values()) {
            run.ended();
            if (!stopping) {
                run.sink().accept(wasReady
                        ? new Output.Error("KernelDied", "exit code " + exitCode,
                                List.of("The kernel process ended unexpectedly (exit code " + exitCode
                                        + "); a new one is starting." + saidLast))
                        : notRunning(endReason));
            }
            run.reply().complete(new ExecutionReply(stopping ? ExecutionReply.Status.ABORTED : ExecutionReply.Status.ERROR,
                    0, Duration.ZERO));
        }
        runs.clear();
        queries.values().forEach(query -> query.complete(null));
        queries.clear();
        writer.shutdownNow();
        pageCalls.shutdownNow();
        onEnd.accept(this, exitCode);
        // After onEnd: whoever waits for the kernel finds its status DEAD already.
        boolean connected = wire.isDone() && !wire.isCompletedExceptionally();
        idle.completeExceptionally(connected ? new IllegalStateException(endReason)
                : new HostLaunchFailure("the kernel host did not start: " + endReason));
    }

    private static Output.Error notRunning(String reason) {
        return new Output.Error("KernelNotRunning", reason,
                List.of("The kernel is not running: " + reason, "Restart the kernel to run cells."));
    }

    // ---- requests ----------------------------------------------------------------------------

    CompletableFuture<ExecutionReply> run(ObjectNode request, OutputSink sink) {
        long id = ids.incrementAndGet();
        CompletableFuture<ExecutionReply> reply = new CompletableFuture<>();
        runs.put(id, new Run(sink, reply));
        request.put("id", id);
        send(request);
        if (status == KernelStatus.DEAD && runs.remove(id) != null) {
            String reason = endReason;
            if (reason != null && !stopping) {
                // A host that never started (or died with no replacement): say so instead of nothing.
                sink.accept(notRunning(reason));
                reply.complete(new ExecutionReply(ExecutionReply.Status.ERROR, 0, Duration.ZERO));
            } else {
                reply.complete(new ExecutionReply(ExecutionReply.Status.ABORTED, 0, Duration.ZERO));
            }
        }
        return reply;
    }

    /** The host's answer, or null if it did not come within the time (or the host is busy). */
    JsonNode ask(ObjectNode request, Duration timeout) {
        if (status != KernelStatus.IDLE) {
            return null;
        }
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        queries.put(id, answer);
        request.put("id", id);
        send(request);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        } finally {
            queries.remove(id);
        }
    }

    void attachPage(DomBridge bridge) {
        page = bridge;
        send(Wire.message("page").put("attached", bridge != null));
    }

    /** In order, once connected; never blocks the caller. */
    void send(ObjectNode message) {
        try {
            writer.execute(() -> {
                try {
                    wire.join().send(message);
                } catch (IOException | RuntimeException e) {
                    // The reader sees the connection end and finishes what was in flight.
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Ended: nothing more goes out.
        }
    }

    KernelStatus status() {
        return status;
    }

    /** Completes when the host's kernel is first ready; fails if it never was. */
    CompletableFuture<Void> idle() {
        return idle;
    }

    long pid() {
        return process.pid();
    }

    /** Ends the host on purpose: cells in flight end as ABORTED, without an error of their own. */
    void stop() {
        stopping = true;
        send(Wire.message("close"));
        process.onExit().completeOnTimeout(null, 2, TimeUnit.SECONDS).thenRun(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }

    /** Ends the host at once (a restart while a cell runs: the old one's process just goes). */
    void kill() {
        stopping = true;
        process.destroyForcibly();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(ServerSocketChannel server) {
        try {
            server.close();
        } catch (IOException e) {
            // Closing to wake accept(); nothing else to do.
        }
    }

    private static void deleteQuietly(Path socket, Path dir) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover empty folder in the temp directory.
        }
    }
}
