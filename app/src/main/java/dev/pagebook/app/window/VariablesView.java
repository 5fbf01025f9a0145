package dev.pagebook.app.window;

import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.VariableInfo;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The kernel's names (like JupyterLab's variable inspector): name, type, short value, size. Asked
 * of the kernel whenever it turns idle while the view is shown; never on the FX thread.
 */
final class VariablesView extends TableView<VariableInfo> {

    private final NotebookViewModel notebook;
    private final BackgroundTasks tasks;

    VariablesView(NotebookViewModel notebook, BackgroundTasks tasks) {
        this.notebook = notebook;
        this.tasks = tasks;
        getStyleClass().add("variables-view");
        setId("variables");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No variables yet: run a cell."));
        getColumns().setAll(List.of(column("Name", VariableInfo::name, 120), column("Type", VariableInfo::type, 90),
                column("Value", VariableInfo::shortRepr, 260), column("Size", VariableInfo::size, 70)));
        notebook.kernelStatusProperty().addListener((obs, old, now) -> {
            if (now == KernelStatus.IDLE && isVisible() && getScene() != null) {
                reload();
            } else if (now == KernelStatus.STARTING || now == KernelStatus.DEAD) {
                getItems().clear();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                reload();
            }
        });
    }

    /** Asks the kernel for its names again. */
    void reload() {
        tasks.run(() -> notebook.kernel().variables(), variables -> {
            // The kernel answers nothing while busy; keep what was shown until it is idle again.
            if (!variables.isEmpty() || notebook.kernelStatusProperty().get() == KernelStatus.IDLE) {
                getItems().setAll(variables);
            }
        }, error -> { });
    }

    private static TableColumn<VariableInfo, String> column(String title, Function<VariableInfo, String> value, double width) {
        TableColumn<VariableInfo, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
