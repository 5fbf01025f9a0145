package dev.pagebook.app.bench;

import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.app.window.KernelFactory;
import dev.pagebook.app.window.MainWindow;
import dev.pagebook.app.window.NotebookTab;
import dev.pagebook.app.window.Theme;
import dev.pagebook.kernel.KernelStatus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Makes the README screenshots: opens a notebook in the real window, runs it, clicks the first
 * button of the page in the preview and saves the window as PNG.
 * Args: notebook, light|dark, output.png, [button id]. {@code -Dshot.variables=true} opens the
 * variables panel, {@code -Dshot.cell=N} selects cell N, {@code -Dshot.scrollTo=ID} scrolls the
 * preview to an element.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        Theme theme = Theme.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        Path out = Path.of(args[2]);
        Path temp = Files.createTempDirectory("pagebook-shot");
        CompletableFuture<MainWindow> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, new BackgroundTasks(Throwable::printStackTrace), KernelFactory.graalPy(),
                    new RecoveryStore(temp), new RecentFiles(Preferences.userRoot().node("dev/pagebook/shots")), theme);
            stage.setWidth(1440);
            stage.setHeight(860);
            stage.show();
            window.open(file);
            started.complete(window);
        });
        MainWindow window = started.get();
        await(() -> window.currentTab() != null, 60);
        NotebookTab tab = onFx(window::currentTab);
        NotebookViewModel vm = tab.notebook();
        await(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE, 300);
        onFx(() -> {
            vm.runAll();
            return null;
        });
        Thread.sleep(500);
        await(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE && !vm.isRunning(), 300);
        if (args.length > 3) {
            onFx(() -> tab.preview().webView().getEngine().executeScript("document.getElementById('" + args[3] + "').click()"));
            Thread.sleep(1500);
            await(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE, 60);
        }
        onFx(() -> {
            vm.selectedProperty().set(Integer.getInteger("shot.cell", 1));
            // -Dshot.variables=true: with the variables panel open.
            tab.setVariablesShown(Boolean.getBoolean("shot.variables"));
            String scrollTo = System.getProperty("shot.scrollTo");
            if (scrollTo != null) {
                tab.preview().webView().getEngine().executeScript(
                        "document.getElementById('" + scrollTo + "').scrollIntoView({block: 'center'})");
            }
            return null;
        });
        // The variables' values are formatted by the kernel (numpy's repr is slow when cold).
        Thread.sleep(Boolean.getBoolean("shot.variables") ? 8000 : 1000);
        WritableImage image = onFx(() -> window.stage().getScene().snapshot(null));
        ImageIO.write(toBuffered(image), "png", out.toFile());
        System.out.println("wrote " + out);
        Platform.exit();
        System.exit(0);
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return buffered;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static void await(Supplier<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!onFx(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }
}
