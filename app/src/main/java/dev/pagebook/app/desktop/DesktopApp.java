package dev.pagebook.app.desktop;

import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.instance.SingleInstance;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.app.window.KernelFactory;
import dev.pagebook.app.window.MainWindow;
import dev.pagebook.app.window.Theme;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelStatus;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

/** The JavaFX application: one main window, files from the command line or a later launch. */
public final class DesktopApp extends Application {

    private static final boolean REPORT_STARTUP = System.getenv("PAGEBOOK_REPORT_STARTUP") != null;

    private static volatile List<Path> initialFiles = List.of();

    /** Starts the app and returns when its window has closed. */
    public static void launchWith(List<Path> files) {
        initialFiles = List.copyOf(files);
        FrameRate.applyDefault();
        Application.launch(DesktopApp.class);
    }

    /** With PAGEBOOK_REPORT_STARTUP set, prints when a start-up step is done (bin/bench-startup reads it). */
    private static void reportStartup(String step) {
        if (REPORT_STARTUP) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("pagebook: " + step + " " + sinceJvmStart + " ms after JVM start");
        }
    }

    /** Reports the moment the first notebook's kernel can run a cell. */
    private static KernelFactory reportingFirstReady(KernelFactory factory) {
        AtomicBoolean reported = new AtomicBoolean();
        return (notebook, dir) -> {
            Kernel kernel = factory.start(notebook, dir);
            Consumer<KernelStatus> onStatus = status -> {
                if (status == KernelStatus.IDLE && reported.compareAndSet(false, true)) {
                    reportStartup("kernel ready");
                }
            };
            kernel.addStatusListener(onStatus);
            onStatus.accept(kernel.status());
            return kernel;
        };
    }

    @Override
    public void start(Stage stage) {
        BackgroundTasks tasks = new BackgroundTasks(error -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(error.getMessage()));
            alert.setHeaderText("Something went wrong");
            alert.show();
        });
        KernelFactory kernels = KernelFactory.graalPy();
        MainWindow window = new MainWindow(stage, tasks, REPORT_STARTUP ? reportingFirstReady(kernels) : kernels,
                RecoveryStore.standard(), RecentFiles.standard(), Theme.fromSystem());
        stage.show();
        reportStartup("window shown");
        if (REPORT_STARTUP) {
            // A file opens in the background: the report waits for its tab (editors and preview built).
            window.tabs().getTabs().addListener(new ListChangeListener<Tab>() {
                @Override
                public void onChanged(Change<? extends Tab> change) {
                    window.tabs().getTabs().removeListener(this);
                    Platform.runLater(() -> reportStartup("notebook shown"));
                }
            });
        }
        // The window appears first; WebKit's native library and the kernel load behind it.
        Platform.runLater(() -> {
            if (initialFiles.isEmpty()) {
                window.newNotebook();
            } else {
                initialFiles.forEach(window::open);
            }
            window.offerRecovery();
        });
        SingleInstance.listen(files -> Platform.runLater(() -> {
            files.forEach(window::open);
            stage.toFront();
        }));
    }
}
