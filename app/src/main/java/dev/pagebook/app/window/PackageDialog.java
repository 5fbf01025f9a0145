package dev.pagebook.app.window;

import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.PipRunner;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Installs packages into the kernels' environment with pip, showing progress and pip's log. */
final class PackageDialog {

    private final Stage stage = new Stage();
    private final TextField names = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final TextArea log = new TextArea();
    private final Button install = new Button("Install");
    private final Label status = new Label();
    private final BackgroundTasks tasks;

    PackageDialog(Window owner, BackgroundTasks tasks) {
        this.tasks = tasks;
        names.setPromptText("package names, e.g. pandas==2.2.3");
        log.setEditable(false);
        log.setPrefRowCount(16);
        log.getStyleClass().add("pip-log");
        install.setDefaultButton(true);
        install.setOnAction(e -> install());
        HBox row = new HBox(8, names, install);
        HBox.setHgrow(names, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        names.setId("package-names");
        install.setId("package-install");
        progress.setId("package-progress");
        status.setId("package-status");
        log.setId("package-log");
        VBox box = new VBox(8, new Label("Install into the kernels' environment: new packages import at once; "
                + "restart the kernel to use an upgraded one. Pip options work too (e.g. --upgrade)."),
                row, progress, status, log);
        box.getStyleClass().add("package-dialog");
        VBox.setVgrow(log, Priority.ALWAYS);
        Scene scene = new Scene(box, 640, 420);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle("Install Packages");
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    private void install() {
        List<String> list = Arrays.stream(names.getText().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            return;
        }
        install.setDisable(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        status.setText("Installing " + String.join(" ", list) + "…");
        log.clear();
        PipRunner pip = new PipRunner(KernelOptions.defaults().venv());
        PipProgress stages = new PipProgress();
        tasks.run(() -> pip.install(list, line -> BackgroundTasks.onFx(() -> {
            log.appendText(line + "\n");
            stages.read(line).ifPresent(stage -> {
                progress.setProgress(stage.fraction());
                status.setText(stage.text());
            });
        })), code -> {
            install.setDisable(false);
            progress.setProgress(code == 0 ? 1 : 0);
            status.setText(code == 0 ? "Installed " + String.join(" ", list) + "." : "pip failed (exit " + code + "); see the log.");
        }, error -> {
            install.setDisable(false);
            progress.setProgress(0);
            status.setText("pip could not run: " + error.getMessage());
        });
    }
}
