package dev.pagebook.app.window;

import static dev.pagebook.app.window.WindowFixture.await;
import static dev.pagebook.app.window.WindowFixture.awaitIdleKernel;
import static dev.pagebook.app.window.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.ScienceVenv;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * First start without the numpy/matplotlib venv: the window builds it in the background (here a
 * stand-in builder that reports progress like kernel/science/build-venv.sh and then names the real
 * venv), cells run meanwhile, and "Restart kernels now" gives the open notebook numpy.
 */
@ExtendWith(ApplicationExtension.class)
class ScienceFirstRunWindowTest {

    @TempDir
    static Path temp;

    private static Path realVenv;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        realVenv = ScienceVenv.find().orElse(null);
        Assumptions.assumeTrue(realVenv != null, "the numpy/matplotlib venv is not built on this machine");
        Path builder = temp.resolve("build-venv.sh");
        Files.writeString(builder, """
                echo '[science +0s] build numpy 2.2.6 ... (log: /tmp/numpy.log)' >&2
                sleep 2
                echo '[science +2s] build numpy 2.2.6: done in 2s' >&2
                sleep 1
                echo 'PAGEBOOK_SCIENCE_VENV=%s'
                """.formatted(realVenv));
        System.setProperty("pagebook.venv", temp.resolve("not-built-yet").toString());
        System.setProperty("pagebook.venv.builder", builder.toString());
        window = WindowFixture.window(stage, KernelFactory.graalPy(), WindowFixture.scratchRecoveryDir());
    }

    @AfterAll
    static void forgetTheStandIns() {
        System.clearProperty("pagebook.venv");
        System.clearProperty("pagebook.venv.builder");
    }

    @Test
    void theBarBuildsTheVenvWhileCellsRunAndRestartsKernelsIntoIt(FxRobot robot) {
        NotebookTab tab = fx(window::newNotebook);
        NotebookViewModel vm = tab.notebook();
        assertThat(fx(() -> robot.lookup("#science-setup-bar").tryQuery().isPresent())).isTrue();
        awaitIdleKernel(vm);
        CellViewModel cell = fx(() -> vm.cells().get(0));
        run(vm, cell, "import numpy");
        assertThat(fx(() -> cell.outputs().get(0))).isInstanceOfSatisfying(Output.Error.class,
                e -> assertThat(e.ename()).isEqualTo("ModuleNotFoundError"));

        await("the build to finish", 60, () -> robot.lookup("#science-setup-restart").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#science-setup-progress").queryAs(ProgressBar.class).getProgress())).isEqualTo(1.0);
        assertThat(fx(() -> robot.lookup("#science-setup-message").queryAs(Label.class).getText())).contains("ready");
        System.clearProperty("pagebook.venv");
        robot.clickOn("#science-setup-restart");
        await("the bar to go away", 10, () -> !robot.lookup("#science-setup-bar").queryAs(javafx.scene.Node.class).isVisible());
        awaitIdleKernel(vm);
        run(vm, cell, "import numpy as np\nint(np.arange(4).sum())");
        assertThat(fx(() -> cell.outputs())).singleElement().isInstanceOfSatisfying(Output.ExecuteResult.class,
                r -> assertThat(r.data()).containsEntry("text/plain", "6"));
    }

    /** Runs the cell and waits for new outputs (execution counts start again at 1 after a restart). */
    private static void run(NotebookViewModel vm, CellViewModel cell, String code) {
        java.util.List<Output> before = fx(() -> java.util.List.copyOf(cell.outputs()));
        fx(() -> {
            cell.sourceProperty().set(code);
            vm.runCell(0);
            return null;
        });
        await("the cell to run", 300, () -> !vm.isRunning() && !cell.outputs().isEmpty()
                && !java.util.List.copyOf(cell.outputs()).equals(before));
    }
}
