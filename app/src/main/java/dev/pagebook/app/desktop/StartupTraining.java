package dev.pagebook.app.desktop;

import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.app.window.KernelFactory;
import dev.pagebook.app.window.MainWindow;
import dev.pagebook.app.window.NotebookTab;
import dev.pagebook.app.window.Theme;
import dev.pagebook.kernel.KernelStatus;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop half of the training run behind the AOT cache ({@code pagebook train-startup}): the
 * window opening a notebook, running it and showing the preview, as a user's first minute does.
 * Callers run it on a virtual display, never on the user's screen.
 */
public final class StartupTraining {

    private static final long TIMEOUT_SECONDS = 180;

    private StartupTraining() {
    }

    /**
     * Opens {@code notebook} in the window, runs it, waits for its outputs in the preview and
     * returns. {@code scratch}: a folder of the caller's for the window's recovery copies.
     */
    public static void trainWindow(Path notebook, Path scratch) throws Exception {
        Preferences prefs = Preferences.userRoot().node("dev/pagebook/startup-training");
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        FrameRate.applyDefault();
        Platform.startup(() -> {
            BackgroundTasks tasks = new BackgroundTasks(Throwable::printStackTrace);
            MainWindow window = new MainWindow(new Stage(), tasks, KernelFactory.graalPy(), new RecoveryStore(scratch.resolve("recovery")),
                    new RecentFiles(prefs), Theme.fromSystem());
            window.stage().show();
            window.open(notebook);
            shown.complete(window);
        });
        MainWindow window = shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        awaitFx(() -> window.currentTab() != null);
        NotebookTab tab = onFx(window::currentTab);
        NotebookViewModel vm = tab.notebook();
        awaitFx(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE);
        Platform.runLater(vm::runAll);
        awaitFx(() -> !vm.isRunning() && vm.kernelStatusProperty().get() == KernelStatus.IDLE
                && vm.cells().stream().anyMatch(c -> !c.outputs().isEmpty()) && tab.preview().loads() > 0);
        Platform.runLater(vm::close);
        prefs.removeNode();
    }

    private static <T> T onFx(Supplier<T> value) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(value.get()));
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void awaitFx(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the training window did not finish within " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }
}
