package dev.pagebook.app.window;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.notebook.NotebookViewModel;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Find and replace across all cells of the current notebook; Replace All is one undoable edit. */
final class FindReplaceDialog {

    private final Stage stage = new Stage();
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final Label result = new Label();
    private final Supplier<NotebookTab> current;
    private int lastHit = -1;

    FindReplaceDialog(Window owner, Supplier<NotebookTab> current) {
        this.current = current;
        find.setId("find-field");
        replace.setId("replace-field");
        Button next = new Button("Find Next");
        next.setDefaultButton(true);
        next.setOnAction(e -> findNext());
        Button all = new Button("Replace All");
        all.setId("replace-all");
        all.setOnAction(e -> replaceAll());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("find-replace");
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Find"), find);
        grid.addRow(1, new Label("Replace with"), replace);
        grid.add(new HBox(8, next, all), 1, 2);
        grid.add(result, 1, 3);
        Scene scene = new Scene(grid);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle("Find and Replace");
        find.textProperty().addListener((obs, old, now) -> lastHit = -1);
    }

    void show() {
        stage.show();
        stage.toFront();
        find.requestFocus();
    }

    private void findNext() {
        NotebookTab tab = current.get();
        if (tab == null) {
            return;
        }
        List<int[]> hits = tab.notebook().findAll(find.getText());
        if (hits.isEmpty()) {
            result.setText("Not found");
            return;
        }
        lastHit = (lastHit + 1) % hits.size();
        int[] hit = hits.get(lastHit);
        result.setText((lastHit + 1) + " of " + hits.size());
        NotebookViewModel notebook = tab.notebook();
        notebook.selectedProperty().set(hit[0]);
        CellView view = tab.cellsView().viewOf(notebook.cells().get(hit[0]));
        Platform.runLater(() -> {
            view.cell().editingProperty().set(true);
            CodeEditor editor = view.editor();
            editor.selectRange(hit[1], hit[1] + find.getText().length());
            editor.requestFollowCaret();
        });
    }

    private void replaceAll() {
        NotebookTab tab = current.get();
        if (tab != null) {
            int n = tab.notebook().replaceAll(find.getText(), replace.getText());
            result.setText(n == 0 ? "Not found" : "Replaced " + n);
        }
    }
}
