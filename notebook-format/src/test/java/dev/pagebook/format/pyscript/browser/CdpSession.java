package dev.pagebook.format.pyscript.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A Chrome DevTools Protocol connection to one page target, over java.net.http's WebSocket. */
public final class CdpSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Listener(String method, Consumer<JsonNode> handler) { }

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public CdpSession(String webSocketUrl) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(webSocketUrl), new Receiver()).join();
    }

    public void on(String method, Consumer<JsonNode> handler) {
        listeners.add(new Listener(method, handler));
    }

    public JsonNode send(String method, Map<String, ?> params) {
        try {
            return sendAsync(method, params).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    public CompletableFuture<JsonNode> sendAsync(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        return reply;
    }

    /** Evaluates a JavaScript expression in the page (awaiting promises) and returns its value. */
    public JsonNode evaluate(String expression) {
        JsonNode reply = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (reply.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + reply.get("exceptionDetails"));
        }
        return reply.path("result").path("value");
    }

    /** Polls until the expression is truthy; returns the milliseconds waited. */
    public long waitFor(String expression, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (!truthy(expression)) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + expression
                        + "; page status: " + evaluate("document.getElementById('pagebook-status')?.textContent ?? 'none'"));
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** False also while the page is between documents (navigation in progress). */
    private boolean truthy(String expression) {
        try {
            return evaluate("Boolean(" + expression + ")").asBoolean();
        } catch (IllegalStateException betweenDocuments) {
            return false;
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                    if (reply != null) {
                        if (message.has("error")) {
                            reply.completeExceptionally(new IllegalStateException(message.get("error").toString()));
                        } else {
                            reply.complete(message.path("result"));
                        }
                    }
                    return;
                }
                String method = message.path("method").asText();
                for (Listener listener : listeners) {
                    if (listener.method.equals(method)) {
                        listener.handler.accept(message.path("params"));
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }
}
