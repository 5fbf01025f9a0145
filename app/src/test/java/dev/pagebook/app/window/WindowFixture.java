package dev.pagebook.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real main window for a test and waits on FX-thread state. */
final class WindowFixture {

    private WindowFixture() {
    }

    static MainWindow window(Stage stage, KernelFactory kernels, Path recoveryDir) {
        BackgroundTasks tasks = new BackgroundTasks(error -> { });
        RecentFiles recent = new RecentFiles(Preferences.userRoot().node("dev/pagebook/test-recent"));
        MainWindow window = new MainWindow(stage, tasks, kernels, new RecoveryStore(recoveryDir), recent, Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
        return window;
    }

    /**
     * A recovery folder for a window the test leaves open. Its autosave may still write there
     * after the last test, so it does not lie in a JUnit {@code @TempDir}: deleting one failed in
     * CI when a recovery copy appeared meanwhile. It goes when the test JVM exits.
     */
    static Path scratchRecoveryDir() throws IOException {
        Path dir = Files.createTempDirectory("pagebook-test-recovery");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A leftover folder in the temp directory.
            }
        }));
        return dir;
    }

    /** Opens {@code file} in the window and waits for its tab. */
    static NotebookTab open(MainWindow window, Path file) {
        int before = fx(() -> window.tabs().getTabs().size());
        fx(() -> {
            window.open(file);
            return null;
        });
        await("the notebook tab", 60, () -> window.tabs().getTabs().size() > before);
        return fx(window::currentTab);
    }

    /** Reads FX state from the test thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
    }

    /** The kernel gets plenty of time: a loaded 2-core CI machine starts GraalPy slowly. */
    static void awaitIdleKernel(NotebookViewModel vm) {
        await("an idle kernel", 240, () -> vm.kernelStatusProperty().get() == dev.pagebook.kernel.KernelStatus.IDLE
                && !vm.isRunning());
    }

    static String allText(CellViewModel cell) {
        StringBuilder sb = new StringBuilder();
        cell.outputs().forEach(o -> sb.append(o).append('\n'));
        return sb.toString();
    }

    static String previewText(NotebookTab tab, String elementId) {
        return fx(() -> {
            Object text = tab.preview().webView().getEngine()
                    .executeScript("(function(){var e=document.getElementById('" + elementId + "');return e?e.textContent:null;})()");
            return text == null ? null : text.toString();
        });
    }

    static void assertContains(String haystack, String needle) {
        assertThat(haystack).contains(needle);
    }
}
