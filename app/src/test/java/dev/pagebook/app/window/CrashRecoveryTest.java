package dev.pagebook.app.window;

import static dev.pagebook.app.window.WindowFixture.await;
import static dev.pagebook.app.window.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Kill -9 a window process with unsaved edits; the next start offers them back. */
@ExtendWith(ApplicationExtension.class)
class CrashRecoveryTest {

    @TempDir
    static Path temp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void unsavedEditsOfAKilledProcessAreOfferedAndRecovered(FxRobot robot) throws Exception {
        Path file = temp.resolve("crash.html");
        String original = "<!DOCTYPE html>\n<html>\n<head><title>c</title></head>\n<body>\n"
                + "<script type=\"py\" id=\"cell-1\">x = 1</script>\n</body>\n</html>\n";
        Files.writeString(file, original);
        Path recovery = temp.resolve("recovery");
        String edit = "x = 'typed before the crash'\n";

        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                RecoveryChild.class.getName(), file.toString(), recovery.toString(), edit));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean autosaved = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
                if (line.equals("AUTOSAVED")) {
                    autosaved = true;
                    break;
                }
            }
            assertThat(autosaved).as("the child wrote a recovery copy").isTrue();
            child.destroyForcibly();  // SIGKILL: no shutdown hooks, no chance to clean up
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(Files.readString(file)).isEqualTo(original);

        MainWindow window = fx(() -> WindowFixture.window(stage, (nb, dir) -> new SilentKernel(), recovery));
        fx(() -> {
            window.offerRecovery();
            return null;
        });
        await("the recovery offer", 30, () -> robot.lookup("Recover").tryQuery().isPresent());
        robot.clickOn("Recover");
        await("the recovered tab", 30, () -> window.tabs().getTabs().size() == 1);
        NotebookTab tab = fx(window::currentTab);
        assertThat(fx(() -> tab.notebook().notebook().pythonCell("cell-1").orElseThrow().source())).isEqualTo(edit);
        assertThat(fx(() -> tab.notebook().fileProperty().get())).isEqualTo(file);
        assertThat(fx(() -> tab.notebook().dirtyProperty().get())).isTrue();
        fx(() -> window.save(tab));
        assertThat(Files.readString(file)).contains(edit);
        try (var left = Files.list(recovery)) {
            assertThat(left.filter(p -> p.toString().endsWith(".html")).toList()).isEmpty();
        }
    }
}
