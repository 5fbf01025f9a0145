package dev.pagebook.app.window;

import dev.pagebook.app.notebook.NotebookViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The process {@link CrashRecoveryTest} kills: the real window opens a notebook, the cell is
 * edited, and once the recovery copy is on disk it says so and waits to be killed.
 * Args: notebook, recovery directory, new source of the first cell.
 */
public final class RecoveryChild {

    private RecoveryChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path recoveryDir = Path.of(args[1]);
        CountDownLatch opened = new CountDownLatch(1);
        Platform.startup(() -> {
            MainWindow window = WindowFixture.window(new Stage(), (nb, dir) -> new SilentKernel(), recoveryDir);
            window.open(file);
            window.tabs().getTabs().addListener((javafx.collections.ListChangeListener<javafx.scene.control.Tab>) c -> {
                NotebookViewModel vm = window.currentTab().notebook();
                vm.cells().get(vm.notebook().indexOf("cell-1")).sourceProperty().set(args[2]);
                opened.countDown();
            });
        });
        opened.await();
        while (!copyWritten(recoveryDir, args[2])) {
            Thread.sleep(100);
        }
        System.out.println("AUTOSAVED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static boolean copyWritten(Path dir, String marker) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                if (Files.readString(p).contains(marker) && Files.exists(Path.of(p.toString().replace(".html", ".properties")))) {
                    return true;
                }
            }
        }
        return false;
    }
}
