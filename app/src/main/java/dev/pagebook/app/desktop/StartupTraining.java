package dev.pagebook.app.desktop;

import dev.pagebook.app.cli.PagebookCommand;
import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.app.window.KernelFactory;
import dev.pagebook.app.window.MainWindow;
import dev.pagebook.app.window.NotebookTab;
import dev.pagebook.app.window.Theme;
import dev.pagebook.kernel.KernelStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The training run behind the launcher's AOT cache (bin/lib/runtime.sh): the JVM records the
 * classes this run loads and links, and later starts load them ready-made. It does what a user's
 * first minute does: {@code pagebook run} on a notebook, then, with {@code --window} (the launcher
 * passes it under a virtual display, never on the user's screen), the desktop window opening that
 * notebook, running it and showing the preview. Usage: {@code StartupTraining NOTEBOOK OUT [--window]}.
 */
public final class StartupTraining {

    private static final long TIMEOUT_SECONDS = 180;

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path notebook = Path.of(args[0]);
        int status = PagebookCommand.commandLine().execute("run", notebook.toString(), "-o", args[1]);
        if (status == 0 && args.length > 2 && args[2].equals("--window")) {
            status = trainWindow(notebook);
        }
        System.exit(status);
    }

    private static int trainWindow(Path notebook) throws Exception {
        Path scratch = Files.createTempDirectory("pagebook-training");
        Preferences prefs = Preferences.userRoot().node("dev/pagebook/startup-training");
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            BackgroundTasks tasks = new BackgroundTasks(Throwable::printStackTrace);
            MainWindow window = new MainWindow(new Stage(), tasks, KernelFactory.graalPy(), new RecoveryStore(scratch),
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
        return 0;
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
