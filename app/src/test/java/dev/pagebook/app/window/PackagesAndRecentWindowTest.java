package dev.pagebook.app.window;

import static dev.pagebook.app.window.WindowFixture.await;
import static dev.pagebook.app.window.WindowFixture.awaitIdleKernel;
import static dev.pagebook.app.window.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.PipRunner;
import dev.pagebook.kernel.ScienceVenv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Run > Install Packages… with a real pip into the real venv, and File > Open Recent. */
@ExtendWith(ApplicationExtension.class)
class PackagesAndRecentWindowTest {

    @TempDir
    static Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowFixture.window(stage, KernelFactory.graalPy(), WindowFixture.scratchRecoveryDir());
    }

    private NotebookTab open(Path file) {
        return WindowFixture.open(window, file);
    }

    private static Path notebook(String name, String code) throws IOException {
        return Files.writeString(temp.resolve(name), "<!DOCTYPE html>\n<html>\n<head><title>" + name
                + "</title></head>\n<body>\n<script type=\"py\">" + code + "</script>\n</body>\n</html>\n", StandardCharsets.UTF_8);
    }

    @Test
    void thePackageDialogInstallsWithProgressAndTheKernelImportsItWithoutARestart(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(ScienceVenv.find().isPresent(), "the kernels' venv is not built on this machine");
        Path wheel = probeWheel(temp.resolve("wheels"));
        NotebookTab tab = open(notebook("uses-probe.html", "import pagebook_probe"));
        awaitIdleKernel(tab.notebook());
        try {
            robot.clickOn("Run");
            robot.clickOn("Install Packages…");
            await("the package dialog", 30, () -> robot.lookup("#package-names").tryQuery().isPresent());
            // Pip options pass through: a local wheel, no index, so the test needs no network.
            robot.clickOn("#package-names").write("--no-index " + wheel);
            robot.clickOn("#package-install");
            await("pip to finish", 300, () -> robot.lookup("#package-status").queryAs(Label.class).getText()
                    .matches("Installed --no-index .*\\.|pip failed.*"));

            String log = fx(() -> robot.lookup("#package-log").queryAs(TextArea.class).getText());
            assertThat(fx(() -> robot.lookup("#package-status").queryAs(Label.class).getText())).as(log).startsWith("Installed");
            assertThat(log).contains("Successfully installed pagebook-probe-1.0");
            assertThat(fx(() -> robot.lookup("#package-progress").queryAs(ProgressBar.class).getProgress())).isEqualTo(1.0);

            List<String> results = new ArrayList<>();
            tab.notebook().kernel().execute("probe", "import pagebook_probe\npagebook_probe.ANSWER", output -> {
                if (output instanceof Output.ExecuteResult r) {
                    results.add(r.data().get("text/plain"));
                } else if (output instanceof Output.Error e) {
                    results.add(e.ename() + ": " + e.evalue());
                }
            }).get(2, TimeUnit.MINUTES);
            assertThat(results).containsExactly("42");
        } finally {
            // The venv is shared by every test and run on this machine: leave it as it was.
            new PipRunner(KernelOptions.defaults().venv()).run(List.of("uninstall", "-y", "pagebook-probe"), line -> { });
        }
    }

    @Test
    void openRecentListsOpenedNotebooksAndReopensOne(FxRobot robot) throws Exception {
        Path first = notebook("first.html", "a = 1");
        Path second = notebook("second.html", "b = 2");
        NotebookTab firstTab = open(first);
        open(second);
        fx(() -> {
            window.tabs().getTabs().remove(firstTab);
            return null;
        });
        robot.clickOn("File");
        robot.clickOn("Open Recent");
        // Most recent first.
        List<String> items = fx(() -> robot.lookup(".menu-item").queryAll().stream()
                .map(n -> n.lookup(".label") instanceof javafx.scene.control.Labeled l ? l.getText() : "")
                .filter(t -> t.endsWith(".html")).toList());
        assertThat(items).containsSubsequence(second.toString(), first.toString());
        robot.clickOn(first.toString());
        await("the first notebook again", 60, () -> {
            NotebookTab now = window.currentTab();
            return now != null && first.equals(now.notebook().fileProperty().get());
        });
    }

    /** A minimal pure-Python wheel (PEP 427): one module and its dist-info with a correct RECORD. */
    private static Path probeWheel(Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pagebook_probe/__init__.py", "ANSWER = 42\n".getBytes(StandardCharsets.UTF_8));
        files.put("pagebook_probe-1.0.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: pagebook-probe\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
        files.put("pagebook_probe-1.0.dist-info/WHEEL",
                "Wheel-Version: 1.0\nGenerator: pagebook-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(f.getValue());
            record.append(f.getKey()).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha))
                    .append(',').append(f.getValue().length).append('\n');
        }
        record.append("pagebook_probe-1.0.dist-info/RECORD,,\n");
        files.put("pagebook_probe-1.0.dist-info/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        Path wheel = dir.resolve("pagebook_probe-1.0-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return wheel;
    }
}
