package dev.pagebook.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.format.model.Output;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.util.Duration;

/**
 * The live page: a WebView showing the notebook as a browser would, outputs in place. Runs update
 * only the cell's output element (scroll position, page state and event bindings survive); edits
 * to the page's structure reload it, restoring the scroll position, and the kernel binds its
 * event handlers to the new page. Clicks the kernel listens for are forwarded to it.
 */
public final class PreviewPane extends BorderPane implements NotebookViewModel.PageListener {

    private static final String BRIDGE_SCRIPT = resource("preview-bridge.js");
    private static final String PREVIEW_CSS = resource("preview.css");
    private static final String EVENT_PREFIX = "pagebook-event ";

    private final NotebookViewModel notebook;
    private final WebView web = new WebView();
    private final WebEngine engine = web.getEngine();
    private final Label messages = new Label();
    private final PreviewBridge bridge;
    private boolean prefersDark;
    private final PauseTransition reloadSoon = new PauseTransition(Duration.millis(250));
    private final List<Runnable> whenReady = new ArrayList<>();
    private BiConsumer<String, String> eventForwarder = (handle, type) -> { };
    private Runnable onReloaded = () -> { };
    private double[] scrollToRestore;
    private boolean ready;
    private long loads;
    private long reloadRequests;
    private final BackgroundTasks tasks;

    /** {@code prefersDark}: see {@link #setPrefersDark}. */
    public PreviewPane(NotebookViewModel notebook, BackgroundTasks tasks, boolean prefersDark) {
        this.notebook = notebook;
        this.prefersDark = prefersDark;
        this.tasks = tasks;
        getStyleClass().add("preview-pane");
        web.setContextMenuEnabled(false);
        messages.getStyleClass().add("preview-messages");
        messages.setMaxWidth(Double.MAX_VALUE);
        messages.managedProperty().bind(messages.textProperty().isNotEmpty());
        messages.visibleProperty().bind(messages.managedProperty());
        setCenter(web);
        setBottom(messages);
        bridge = new PreviewBridge(engine, this::whenReady, messages::setText);
        // The page may not open windows or pop dialogs on the host; alerts become messages.
        engine.setCreatePopupHandler(features -> null);
        engine.setOnAlert(e -> messages.setText("alert: " + e.getData()));
        engine.setConfirmHandler(question -> false);
        engine.setPromptHandler(prompt -> null);
        engine.setOnStatusChanged(e -> {
            String data = e.getData();
            if (data != null && data.startsWith(EVENT_PREFIX)) {
                String[] parts = data.substring(EVENT_PREFIX.length()).split(" ");
                if (parts.length == 3) {
                    eventForwarder.accept(parts[1], parts[2]);
                }
            }
        });
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                engine.executeScript(BRIDGE_SCRIPT);
                if (scrollToRestore != null) {
                    bridge.call("scrollTo", scrollToRestore[0], scrollToRestore[1]);
                    scrollToRestore = null;
                }
                ready = true;
                loads++;
                if (loads > 1) {
                    onReloaded.run();
                }
                List<Runnable> pending = new ArrayList<>(whenReady);
                whenReady.clear();
                pending.forEach(Runnable::run);
            } else if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                ready = true;
            }
        });
        reloadSoon.setOnFinished(e -> reload());
        notebook.addPageListener(this);
        reload();
    }

    public PreviewBridge bridge() {
        return bridge;
    }

    public WebView webView() {
        return web;
    }

    /** Page loads completed so far (tests wait on it). */
    public long loads() {
        return loads;
    }

    /** Where clicks the kernel listens for go: (element handle, event type). */
    public void setEventForwarder(BiConsumer<String, String> forwarder) {
        this.eventForwarder = forwarder;
    }

    /** Runs after the page was loaded anew (not the first load): its elements have new handles now. */
    public void setOnReloaded(Runnable action) {
        this.onReloaded = action;
    }

    /** The page's {@code prefers-color-scheme} queries answer "dark" (the app's theme is dark); reloads on a change. */
    public void setPrefersDark(boolean dark) {
        if (dark != prefersDark) {
            prefersDark = dark;
            reload();
        }
    }

    public void showMessage(String text) {
        messages.setText(text);
    }

    private void whenReady(Runnable action) {
        if (ready) {
            action.run();
        } else {
            whenReady.add(action);
        }
    }

    /** Renders the whole page again, keeping the scroll position. */
    public void reload() {
        if (notebook.isRunning()) {
            // Reloading would drop the elements a running cell is working on; try again later.
            reloadSoon.playFromStart();
            return;
        }
        if (ready && loads > 0) {
            try {
                JsonNode at = bridge.call("scroll");
                scrollToRestore = new double[] {at.get(0).asDouble(), at.get(1).asDouble()};
            } catch (RuntimeException pageWithoutBridge) {
                scrollToRestore = null;
            }
        }
        ready = false;
        long request = ++reloadRequests;
        var page = notebook.notebook();
        var file = notebook.fileProperty().get();
        // Rendering a big page takes a while: off the FX thread, and only the newest request loads.
        boolean dark = prefersDark;
        tasks.run(() -> PreviewDocument.html(page, file, PREVIEW_CSS, dark), html -> {
            if (request == reloadRequests) {
                engine.loadContent(html);
            }
        });
    }

    @Override
    public void outputsChanged(String cellId, List<Output> outputs) {
        String html = PreviewDocument.outputsHtml(outputs);
        whenReady(() -> {
            JsonNode placed = bridge.call("replaceOutputs", cellId, html);
            if (placed == null || !placed.asBoolean()) {
                reloadSoon.playFromStart();
            }
        });
    }

    @Override
    public void pageChanged() {
        reloadSoon.playFromStart();
    }

    private static String resource(String name) {
        try (InputStream in = PreviewPane.class.getResourceAsStream("/dev/pagebook/app/preview/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
