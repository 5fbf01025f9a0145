package dev.pagebook.app.science;

import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.kernel.ScienceVenv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * First run without numpy/matplotlib: a bar above the notebooks that builds them in the background
 * (with a progress bar and the build's log), or explains how to get them. Cells that do not need
 * them keep running meanwhile; when the venv is ready, the user chooses when kernels restart into it.
 */
public final class ScienceSetupBar extends VBox {

    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button action = new Button();
    private final Button close = new Button("Dismiss");
    private final TextArea log = new TextArea();

    private ScienceSetupBar() {
        getStyleClass().add("science-setup-bar");
        setId("science-setup-bar");
        message.setId("science-setup-message");
        message.setWrapText(true);
        progress.setId("science-setup-progress");
        progress.setPrefWidth(220);
        log.setEditable(false);
        log.setPrefRowCount(8);
        log.setVisible(false);
        log.setManaged(false);
        close.setOnAction(e -> hide());
        HBox row = new HBox(10, message, progress, action, close);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(row, log);
        setSpacing(6);
    }

    /**
     * The bar for this start: empty when the venv is already built. Starts the build when a builder
     * is configured; {@code onReady} gets the venv on the FX thread when the user asks kernels to use it.
     */
    public static Optional<ScienceSetupBar> forThisStart(BackgroundTasks tasks, Consumer<Path> onReady) {
        if (ScienceVenv.find().isPresent()) {
            return Optional.empty();
        }
        ScienceSetupBar bar = new ScienceSetupBar();
        ScienceVenvBuild.configured().ifPresentOrElse(build -> bar.build(tasks, build, onReady), bar::explain);
        return Optional.of(bar);
    }

    private void build(BackgroundTasks tasks, ScienceVenvBuild build, Consumer<Path> onReady) {
        message.setText("Building numpy and matplotlib for GraalPy (once per machine, about 30 minutes). "
                + "Cells without them run meanwhile.");
        action.setText("Show log");
        action.setOnAction(e -> {
            boolean show = !log.isVisible();
            log.setVisible(show);
            log.setManaged(show);
            action.setText(show ? "Hide log" : "Show log");
        });
        // Its own thread: the build takes many minutes and must not hold one of the app's task threads.
        tasks.whenDone(CompletableFuture.supplyAsync(() -> {
            try {
                return build.run(p -> Platform.runLater(() -> {
                    progress.setProgress(p.fraction());
                    message.setText(p.message());
                    log.appendText(p.line() + "\n");
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the build was interrupted", e);
            }
        }, ScienceSetupBar::startDaemon), venv -> ready(venv, onReady), this::failed);
    }

    private static void startDaemon(Runnable work) {
        Thread thread = new Thread(work, "pagebook-science-build");
        thread.setDaemon(true);
        thread.start();
    }

    private void ready(Path venv, Consumer<Path> onReady) {
        progress.setProgress(1);
        message.setText("numpy and matplotlib are ready. Restart a kernel to use them (its variables are lost).");
        action.setText("Restart kernels now");
        action.setId("science-setup-restart");
        action.setOnAction(e -> {
            onReady.accept(venv);
            hide();
        });
    }

    private void failed(Throwable error) {
        progress.setVisible(false);
        progress.setManaged(false);
        message.setText("Building numpy and matplotlib failed; cells without them still run. See the log, then run "
                + "kernel/science/build-venv.sh in a terminal to retry.");
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        log.appendText(String.valueOf(cause.getMessage()) + "\n");
        log.setVisible(true);
        log.setManaged(true);
        action.setVisible(false);
    }

    private void explain() {
        progress.setVisible(false);
        progress.setManaged(false);
        action.setVisible(false);
        action.setManaged(false);
        message.setText("numpy and matplotlib are not installed for this Pagebook. Install a Pagebook package built "
                + "with them, or from a source checkout run kernel/science/build-venv.sh (about 30 minutes), then "
                + "restart Pagebook. Cells without them run as usual.");
    }

    private void hide() {
        setVisible(false);
        setManaged(false);
    }
}
