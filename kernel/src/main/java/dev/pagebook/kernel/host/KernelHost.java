package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.json.OutputJson;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.Completion;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.OutputSink;
import dev.pagebook.kernel.VariableInfo;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The host's side of the conversation: runs the app's requests on its sole kernel and sends
 * back outputs, replies and status changes. Ends when the app says so or goes away, or when
 * a cell has ended the Python process (the app then starts a new host).
 */
final class KernelHost {

    /** Exit code after a cell ended the Python process; the app reads it as "restart me". */
    static final int PYTHON_EXITED = 3;

    private final Wire wire;
    private final RemoteDomBridge page;
    /** complete/inspect/variables wait for the kernel; the reader must stay free for interrupts. */
    private final ExecutorService queries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pagebook-host-queries");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    /** input() questions sent to the app, by the id of the cell run that asked. */
    private final Map<Long, CompletableFuture<String>> questions = new ConcurrentHashMap<>();
    private GraalPyKernel kernel;

    KernelHost(Wire wire) {
        this.wire = wire;
        this.page = new RemoteDomBridge(wire);
    }

    int serve() throws IOException {
        ObjectNode start = wire.receive();
        if (start == null || !"start".equals(start.path("op").asText())) {
            return 2;
        }
        kernel = GraalPyKernel.start(HostedOptions.fromMessage(start));
        kernel.reportExitAsRestart();
        kernel.addStatusListener(status -> send(Wire.message("status").put("status", status.name())));
        send(Wire.message("status").put("status", kernel.status().name()));
        Thread reader = Thread.ofPlatform().daemon().name("pagebook-host-reader").start(this::read);
        int code = finished.join();
        reader.interrupt();
        return code;
    }

    private void read() {
        try {
            ObjectNode message;
            while ((message = wire.receive()) != null) {
                handle(message);
            }
        } catch (IOException | RuntimeException e) {
            if (!finished.isDone()) {
                System.err.println("pagebook kernel host: lost the app: " + e);
            }
        }
        page.disconnected();
        closeKernel();
        finished.complete(0);
    }

    private void handle(ObjectNode message) {
        long id = message.path("id").asLong();
        switch (message.path("op").asText()) {
            case "execute" -> reply(id, kernel.execute(message.path("cell").asText(), message.path("code").asText(), sink(id)));
            case "event" -> reply(id, kernel.dispatchEvent(message.path("handle").asText(), message.path("type").asText(), sink(id)));
            case "rebind" -> reply(id, kernel.rebindEvents(sink(id)));
            case "page" -> kernel.setDomBridge(message.path("attached").asBoolean() ? page : null);
            case "domReply" -> page.answered(id, message.get("value"),
                    message.path("error").isTextual() ? message.path("error").asText() : null);
            case "interrupt" -> kernel.interrupt();
            case "inputReply" -> {
                CompletableFuture<String> question = questions.remove(id);
                if (question != null && message.path("value").isTextual()) {
                    question.complete(message.path("value").asText());
                } else if (question != null) {
                    question.completeExceptionally(new IllegalStateException(message.path("error").asText("no answer")));
                }
            }
            case "complete" -> answer(id, () -> completions(message));
            case "inspect" -> answer(id, () -> Wire.JSON.getNodeFactory().textNode(
                    kernel.inspect(message.path("code").asText(), message.path("cursor").asInt()).orElse(null)));
            case "variables" -> answer(id, this::variables);
            case "close" -> {
                closeKernel();
                finished.complete(0);
            }
            default -> System.err.println("pagebook kernel host: unknown request " + message);
        }
    }

    private OutputSink sink(long id) {
        return new OutputSink() {
            @Override
            public void accept(Output output) {
                ObjectNode message = Wire.message("output").put("id", id);
                message.set("output", OutputJson.toJson(output, OutputJson.Lines.JOINED));
                send(message);
            }

            @Override
            public void clear() {
                send(Wire.message("clear").put("id", id));
            }

            @Override
            public CompletableFuture<String> input(String prompt, boolean password) {
                CompletableFuture<String> question = new CompletableFuture<>();
                questions.put(id, question);
                question.whenComplete((answer, error) -> questions.remove(id, question));
                send(Wire.message("input").put("id", id).put("prompt", prompt).put("password", password));
                return question;
            }
        };
    }

    private void reply(long id, CompletableFuture<ExecutionReply> run) {
        run.whenComplete((reply, error) -> {
            ObjectNode message = Wire.message("reply").put("id", id);
            if (error != null) {
                message.put("error", String.valueOf(error.getMessage()));
            } else {
                message.put("status", reply.status().name()).put("count", reply.executionCount())
                        .put("nanos", reply.duration().toNanos());
            }
            send(message);
            if (kernel.status() == KernelStatus.DEAD) {
                // A cell ended the Python process (os._exit): this host's kernel cannot restart.
                finished.complete(PYTHON_EXITED);
            }
        });
    }

    private void answer(long id, java.util.function.Supplier<JsonNode> query) {
        queries.execute(() -> {
            JsonNode value;
            try {
                value = query.get();
            } catch (RuntimeException e) {
                System.err.println("pagebook kernel host: " + e);
                value = null;
            }
            ObjectNode message = Wire.message("answer").put("id", id);
            message.set("value", value);
            send(message);
        });
    }

    private JsonNode completions(ObjectNode request) {
        ArrayNode rows = Wire.JSON.createArrayNode();
        for (Completion c : kernel.complete(request.path("code").asText(), request.path("cursor").asInt())) {
            rows.addArray().add(c.text()).add(c.type()).add(c.start()).add(c.end());
        }
        return rows;
    }

    private JsonNode variables() {
        ArrayNode rows = Wire.JSON.createArrayNode();
        for (VariableInfo v : kernel.variables()) {
            rows.addArray().add(v.name()).add(v.type()).add(v.shortRepr()).add(v.size());
        }
        return rows;
    }

    private void send(ObjectNode message) {
        try {
            wire.send(message);
        } catch (IOException e) {
            // The app has gone; read() notices and ends the host.
        }
    }

    private void closeKernel() {
        if (kernel != null) {
            kernel.close();
        }
    }
}
