package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.kernel.dom.DomBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's view of the app's page: each call goes to the app ({@link DomCalls}) and waits for
 * its answer, as an in-process bridge waits for the UI thread.
 */
final class RemoteDomBridge implements DomBridge {

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

    private JsonNode call(String method, String... args) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode request = Wire.message("dom").put("id", id).put("method", method);
        ArrayNode list = request.putArray("args");
        for (String arg : args) {
            list.add(arg);
        }
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

    private String text(String method, String... args) {
        JsonNode value = call(method, args);
        return value == null || value.isNull() ? null : value.asText();
    }

    private List<String> strings(String method, String... args) {
        List<String> values = new ArrayList<>();
        call(method, args).forEach(value -> values.add(value.asText()));
        return values;
    }

    @Override
    public List<String> select(String scope, String cssSelector) {
        return strings("select", scope, cssSelector);
    }

    @Override
    public String createElement(String tagName) {
        return text("createElement", tagName);
    }

    @Override
    public String getProperty(String handle, String name) {
        return text("getProperty", handle, name);
    }

    @Override
    public void setProperty(String handle, String name, String value) {
        call("setProperty", handle, name, value);
    }

    @Override
    public String getAttribute(String handle, String name) {
        return text("getAttribute", handle, name);
    }

    @Override
    public void setAttribute(String handle, String name, String value) {
        call("setAttribute", handle, name, value);
    }

    @Override
    public void removeAttribute(String handle, String name) {
        call("removeAttribute", handle, name);
    }

    @Override
    public void appendChild(String parent, String child) {
        call("appendChild", parent, child);
    }

    @Override
    public void insertBefore(String parent, String node, String reference) {
        call("insertBefore", parent, node, reference);
    }

    @Override
    public void removeElement(String handle) {
        call("removeElement", handle);
    }

    @Override
    public String parent(String handle) {
        return text("parent", handle);
    }

    @Override
    public List<String> children(String handle) {
        return strings("children", handle);
    }

    @Override
    public boolean matches(String handle, String cssSelector) {
        return call("matches", handle, cssSelector).asBoolean();
    }

    @Override
    public void listen(String handle, String eventType) {
        call("listen", handle, eventType);
    }

    @Override
    public String pageProperty(String name) {
        return text("pageProperty", name);
    }

    @Override
    public void message(String kind, String text) {
        call("message", kind, text);
    }
}
