package dev.pagebook.app.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagebook.kernel.dom.DomChangeLog;
import dev.pagebook.kernel.dom.ForwardingDomBridge;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.web.WebEngine;

/**
 * The kernel's {@link DomBridge} over the preview WebView. Called on the kernel thread; each call
 * runs one operation of the injected page script on the FX thread and waits for its answer.
 */
public final class PreviewBridge extends ForwardingDomBridge implements DomChangeLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_SECONDS = 10;

    private final WebEngine engine;
    private final PageReadiness readiness;
    private final Consumer<String> messages;

    /** Runs an action once the page (and the bridge script) is loaded. */
    public interface PageReadiness {
        void whenReady(Runnable action);
    }

    PreviewBridge(WebEngine engine, PageReadiness readiness, Consumer<String> messages) {
        this.engine = engine;
        this.readiness = readiness;
        this.messages = messages;
    }

    /** Calls a bridge operation on the FX thread (directly when already there). */
    @Override
    protected JsonNode call(String op, Object... args) {
        String argsJson;
        try {
            argsJson = JSON.writeValueAsString(Arrays.asList(args));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        if (Platform.isFxApplicationThread()) {
            return answer(op, engine.executeScript("window.__pagebook.call(" + quote(op) + ", " + quote(argsJson) + ")"));
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        Platform.runLater(() -> readiness.whenReady(() -> {
            try {
                result.complete(engine.executeScript("window.__pagebook.call(" + quote(op) + ", " + quote(argsJson) + ")"));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        try {
            return answer(op, result.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the preview answered " + op, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the preview failed on " + op + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the preview did not answer " + op + " within " + ANSWER_TIMEOUT_SECONDS + " s");
        }
    }

    private static JsonNode answer(String op, Object raw) {
        if (!(raw instanceof String text)) {
            throw new IllegalStateException("the preview page has no Pagebook bridge (" + op + ")");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node.has("error")) {
                throw new IllegalArgumentException(node.get("error").asText());
            }
            return node.get("ok");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad answer from the preview to " + op, e);
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void message(String kind, String text) {
        Platform.runLater(() -> messages.accept(kind + ": " + text));
    }

    @Override
    public Map<String, String> drainChanges() {
        JsonNode answer = call("drainChanges");
        Map<String, String> changes = new LinkedHashMap<>();
        if (answer != null) {
            answer.fields().forEachRemaining(e -> changes.put(e.getKey(), e.getValue().asText()));
        }
        return changes;
    }
}
