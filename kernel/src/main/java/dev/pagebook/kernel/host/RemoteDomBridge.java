package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.kernel.dom.ForwardingDomBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's view of the app's page: each call goes to the app ({@link DomCalls}) and waits for
 * its answer, as an in-process bridge waits for the UI thread.
 */
final class RemoteDomBridge extends ForwardingDomBridge {

    private final Wire wire;
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    RemoteDomBridge(Wire wire) {
        this.wire = wire;
    }

    /** The app's answer to call {@code id}: a value, or the message of the exception its bridge threw. */
    void answered(long id, JsonNode value, String error) {
        CompletableFuture<JsonNode> call = waiting.remove(id);
        if (call != null) {
            if (error != null) {
                call.completeExceptionally(new IllegalArgumentException(error));
            } else {
                call.complete(value);
            }
        }
    }

    /** The app has gone: no call will be answered. */
    void disconnected() {
        waiting.values().forEach(call -> call.completeExceptionally(new IllegalStateException("the page is gone")));
        waiting.clear();
    }

    @Override
    protected JsonNode call(String method, Object... args) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode request = Wire.message("dom").put("id", id).put("method", method);
        request.set("args", Wire.JSON.valueToTree(args));
        try {
            wire.send(request);
            return answer.get();
        } catch (IOException e) {
            waiting.remove(id);
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the page answered", e);
        }
    }
}
