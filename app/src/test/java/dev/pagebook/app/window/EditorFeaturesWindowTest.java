package dev.pagebook.app.window;

import static dev.pagebook.app.window.WindowFixture.await;
import static dev.pagebook.app.window.WindowFixture.awaitIdleKernel;
import static dev.pagebook.app.window.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.format.model.Output;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Completion, find/replace and a file changed on disk, driven through the real window. */
@ExtendWith(ApplicationExtension.class)
class EditorFeaturesWindowTest {

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

    /** The text/plain result of running {@code code} in the tab's kernel ("" for none). */
    private static String resultOf(NotebookTab tab, String code) throws Exception {
        StringBuilder result = new StringBuilder();
        tab.notebook().kernel().execute("probe", code, output -> {
            if (output instanceof Output.ExecuteResult r) {
                result.append(r.data().get("text/plain"));
            }
        }).get(2, TimeUnit.MINUTES);
        return result.toString();
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n<html>\n<head><title>t</title></head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }

    private static String sources(NotebookViewModel vm) {
        return fx(() -> String.join("|", vm.cells().stream().map(c -> c.sourceProperty().get()).toList()));
    }

    @Test
    void ctrlSpaceCompletesFromTheKernel(FxRobot robot) {
        NotebookTab tab = fx(window::newNotebook);
        NotebookViewModel vm = tab.notebook();
        awaitIdleKernel(vm);
        fx(() -> {
            vm.cells().get(0).sourceProperty().set("import math\n");
            vm.runCell(0);
            return null;
        });
        awaitIdleKernel(vm);
        CodeEditor editor = fx(() -> robot.lookup(".python-editor").queryAll().stream()
                .filter(n -> n instanceof CodeEditor).map(n -> (CodeEditor) n).findFirst().orElseThrow());
        fx(() -> {
            editor.replaceText("import math\nmath.sq");
            editor.moveTo(editor.getLength());
            editor.requestFocus();
            return null;
        });
        // One candidate (sqrt) is inserted at once, as in JupyterLab. The kernel answers within 5 s
        // or not at all (its host may be booting its spare on a busy machine): ask again then.
        for (int attempt = 0; attempt < 6 && !fx(() -> editor.getText().equals("import math\nmath.sqrt")); attempt++) {
            robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
            robot.sleep(attempt == 0 ? 2_000 : 10_000);
        }
        await("math.sqrt completed", 10, () -> editor.getText().equals("import math\nmath.sqrt"));
    }

    /**
     * Each key stroke rebuilds its paragraph, and a wrapped paragraph is estimated a few lines short
     * until laid out: the cell's height follows only real growth (no notebook relayout, no flicker).
     */
    @Test
    void typingKeepsTheCellsHeightUntilALineIsAdded(FxRobot robot) {
        NotebookTab tab = fx(window::newNotebook);
        awaitIdleKernel(tab.notebook());
        CodeEditor editor = fx(() -> robot.lookup(".python-editor").queryAll().stream()
                .filter(n -> n instanceof CodeEditor).map(n -> (CodeEditor) n).findFirst().orElseThrow());
        String code = "import math\n\n\ndef mean(values):\n    \"\"\"The mean.\"\"\"\n    return sum(values) / len(values)\n\n"
                + "\ndef spread(values):\n    m = mean(values)\n    return math.sqrt(sum((v - m) ** 2 for v in values))\n\n\n"
                + "text = '" + "a long line that wraps ".repeat(12) + "'\nx = 1\n";
        fx(() -> {
            editor.replaceText(code);
            editor.moveTo(code.indexOf("'\nx = 1"));  // the end of the line that wraps
            editor.requestFocus();
            return null;
        });
        robot.sleep(500);
        List<Double> heights = new CopyOnWriteArrayList<>();
        double before = fx(() -> {
            editor.prefHeightProperty().addListener((obs, old, height) -> heights.add(height.doubleValue()));
            return editor.getPrefHeight();
        });
        for (String key : List.of("a", "b", "c", "d")) {
            robot.write(key).sleep(120);  // at a typist's pace: the highlighter runs between keys
        }
        await("typed", 30, () -> fx(editor::getText).contains("wraps abcd'"));
        robot.sleep(300);
        assertThat(heights).as("height changes while typing on a line").isEmpty();
        fx(() -> {
            editor.moveTo(editor.getLength());
            return null;
        });
        robot.write("y = 2").type(KeyCode.ENTER);
        await("one more line, a taller cell", 30, () -> fx(editor::getPrefHeight) > before);
        robot.sleep(300);
        // The new line's estimate may settle once more at the next layout, never below the old height.
        assertThat(heights).as("changes for one more line").hasSizeBetween(1, 2).allSatisfy(h -> assertThat(h).isGreaterThan(before));
    }

    @Test
    void replaceAllChangesEveryCellAndOneUndoRestoresThem(FxRobot robot) throws Exception {
        Path file = temp.resolve("replace.html");
        Files.writeString(file, page("""
                <script type="py">alpha = 1</script>
                <p>alpha in the page</p>
                <script type="py">print(alpha + alpha)</script>"""), StandardCharsets.UTF_8);
        NotebookTab tab = open(file);
        NotebookViewModel vm = tab.notebook();
        String before = sources(vm);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        await("the find dialog", 30, () -> robot.lookup("#find-field").tryQuery().isPresent());
        fx(() -> {
            robot.lookup("#find-field").queryAs(TextField.class).setText("alpha");
            robot.lookup("#replace-field").queryAs(TextField.class).setText("beta");
            return null;
        });
        robot.clickOn("#replace-all");
        await("every cell replaced", 30, () -> !sources(vm).contains("alpha"));
        assertThat(sources(vm)).isEqualTo(before.replace("alpha", "beta"));
        assertThat(fx(() -> vm.dirtyProperty().get())).isTrue();
        fx(() -> {
            robot.lookup("#find-field").queryAs(TextField.class).getScene().getWindow().hide();
            vm.undo();
            return null;
        });
        assertThat(sources(vm)).isEqualTo(before);
    }

    @Test
    void aFileChangedByAnotherProgramIsOfferedForReload(FxRobot robot) throws Exception {
        Path file = temp.resolve("disk.html");
        Files.writeString(file, page("<script type=\"py\">x = 'first'</script>"), StandardCharsets.UTF_8);
        NotebookTab tab = open(file);
        awaitIdleKernel(tab.notebook());
        assertThat(resultOf(tab, "kept = 41")).isEmpty();
        Files.writeString(file, page("<script type=\"py\">x = 'second'</script>"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        await("the changed-on-disk question", 30, () -> robot.lookup(".dialog-pane").tryQuery()
                .map(p -> ((DialogPane) p).getContentText().contains("changed by another program")).orElse(false));
        robot.clickOn("Reload");
        await("the new text in the notebook", 60, () -> {
            NotebookTab now = window.currentTab();
            return now != null && now.notebook().cells().stream().filter(CellViewModel::isPython)
                    .anyMatch(c -> c.sourceProperty().get().equals("x = 'second'"));
        });

        // Reloaded in place: the same tab, the same kernel with its variables, nothing to save.
        assertThat(fx(window::currentTab)).isSameAs(tab);
        assertThat(resultOf(tab, "kept + 1")).isEqualTo("42");
        NotebookViewModel vm = fx(() -> window.currentTab().notebook());
        assertThat(fx(() -> vm.dirtyProperty().get())).isFalse();
        fx(() -> {
            vm.cells().stream().filter(CellViewModel::isPython).findFirst().orElseThrow().sourceProperty().set("x = 'mine'");
            return null;
        });
        Files.writeString(file, page("<script type=\"py\">x = 'third'</script>"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        await("the question, warning about unsaved changes", 30, () -> robot.lookup(".dialog-pane").tryQuery()
                .map(p -> ((DialogPane) p).getContentText().contains("unsaved changes would be lost")).orElse(false));
        robot.clickOn("Keep Mine");
        assertThat(fx(() -> vm.cells().stream().filter(CellViewModel::isPython).findFirst().orElseThrow().sourceProperty().get()))
                .isEqualTo("x = 'mine'");
        assertThat(fx(() -> vm.dirtyProperty().get())).isTrue();
    }
}
