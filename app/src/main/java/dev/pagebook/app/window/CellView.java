package dev.pagebook.app.window;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.NotebookViewModel;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * One cell in the list: the prompt ([n], [*] while running), the editor (an HTML cell shows its
 * rendering until double-clicked), the run time and the outputs.
 */
final class CellView extends BorderPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final CellViewModel cell;
    private final ChangeListener<Number> selectionListener;
    private final ChangeListener<String> sourceListener;
    private final CodeEditor editor;
    private HtmlFragmentView rendered;

    CellView(CellViewModel cell, NotebookViewModel notebook, CodeEditor.HighlightRunner highlighting,
             CodeEditor.Assist assist, String pageCss) {
        this.cell = cell;
        getStyleClass().addAll("notebook-cell", cell.isPython() ? "python-cell" : "html-cell");
        selectionListener = (obs, old, now) -> pseudoClassStateChanged(SELECTED,
                now.intValue() >= 0 && now.intValue() < notebook.cells().size() && notebook.cells().get(now.intValue()) == cell);
        // Weak: a view dropped from the cache must not be kept alive by the notebook's selection.
        notebook.selectedProperty().addListener(new WeakChangeListener<>(selectionListener));
        selectionListener.changed(null, null, notebook.selectedProperty().get());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            int index = notebook.cells().indexOf(cell);
            if (index >= 0) {
                notebook.selectedProperty().set(index);
            }
        });
        editor = new CodeEditor(cell.sourceProperty().get(), cell.isPython(), highlighting);
        editor.setAssist(assist);
        editor.getUndoManager().forgetHistory();
        editor.textProperty().addListener((obs, old, text) -> cell.sourceProperty().set(text));
        sourceListener = (obs, old, text) -> editor.replaceAllText(text);
        cell.sourceProperty().addListener(new WeakChangeListener<>(sourceListener));

        Label prompt = new Label();
        prompt.getStyleClass().add("cell-prompt");
        prompt.textProperty().bind(Bindings.createStringBinding(() -> !cell.isPython() ? "html"
                : switch (cell.runStateProperty().get()) {
                    case RUNNING -> "[*]";
                    case QUEUED -> "[-]";
                    case IDLE -> cell.executionCountProperty().get() == null ? "[ ]" : "[" + cell.executionCountProperty().get() + "]";
                }, cell.runStateProperty(), cell.executionCountProperty()));
        setLeft(prompt);

        VBox body = new VBox();
        body.getStyleClass().add("cell-body");
        if (cell.isPython()) {
            Label time = new Label();
            time.getStyleClass().add("cell-time");
            time.textProperty().bind(Bindings.createStringBinding(() -> format(cell.lastRunTimeProperty().get()),
                    cell.lastRunTimeProperty()));
            time.managedProperty().bind(time.textProperty().isNotEmpty());
            time.visibleProperty().bind(time.managedProperty());
            body.getChildren().addAll(editor, time, new OutputView(cell.outputs(), pageCss), new InputField(cell));
        } else {
            rendered = new HtmlFragmentView();
            rendered.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getClickCount() == 2) {
                    startEditing();
                }
            });
            body.getChildren().add(editor);
            Runnable swap = () -> {
                boolean editing = cell.editingProperty().get();
                if (!editing) {
                    rendered.show(cell.sourceProperty().get(), pageCss);
                }
                body.getChildren().setAll(editing ? editor : rendered);
            };
            cell.editingProperty().addListener((obs, was, now) -> swap.run());
            editor.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    cell.editingProperty().set(false);
                }
            });
            swap.run();
        }
        setCenter(body);
    }

    CellViewModel cell() {
        return cell;
    }

    CodeEditor editor() {
        return editor;
    }

    /** Edit mode: the editor takes the keyboard (an HTML cell switches to its source). */
    void startEditing() {
        cell.editingProperty().set(true);
        editor.requestFocus();
    }

    private static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }
}
