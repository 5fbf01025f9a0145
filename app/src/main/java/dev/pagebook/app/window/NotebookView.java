package dev.pagebook.app.window;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.NotebookViewModel;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.flowless.Cell;
import org.fxmisc.flowless.VirtualFlow;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The cells as a virtualized list (Flowless, as RichTextFX uses: only cells near the viewport
 * have views), with Jupyter's keyboard model: command mode when the list has the focus, edit
 * mode inside a cell's editor.
 */
public final class NotebookView extends VirtualizedScrollPane<VirtualFlow<CellViewModel, Cell<CellViewModel, CellView>>> {

    private final NotebookViewModel notebook;
    private final CellViews views;
    private final NotebookCommands commands;
    private KeyCode pendingDouble;

    NotebookView(NotebookViewModel notebook, NotebookCommands commands, CellViews views) {
        super(VirtualFlow.createVertical(notebook.cells(), cell -> Cell.wrapNode(views.viewOf(cell))));
        this.notebook = notebook;
        this.commands = commands;
        this.views = views;
        getStyleClass().add("notebook-view");
        setFocusTraversable(true);
        notebook.selectedProperty().addListener((obs, old, index) -> show(index.intValue()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::editModeKeys);
        addEventHandler(KeyEvent.KEY_PRESSED, this::commandModeKeys);
    }

    /** The view of a cell, made when first needed. */
    CellView viewOf(CellViewModel cell) {
        return views.viewOf(cell);
    }

    private void show(int index) {
        if (index >= 0 && index < notebook.cells().size()) {
            getContent().show(index);
        }
    }

    /** Command mode: focus on the list, the keyboard acts on cells. */
    void enterCommandMode() {
        requestFocus();
    }

    /** Edit mode in the selected cell. */
    void enterEditMode() {
        int index = notebook.selectedProperty().get();
        if (index >= 0 && index < notebook.cells().size()) {
            show(index);
            CellView view = viewOf(notebook.cells().get(index));
            Platform.runLater(view::startEditing);
        }
    }

    /** Typing goes to a cell's editor or to the field of a cell's input(), not to cell commands. */
    boolean inEditMode() {
        return getScene() != null && (getScene().getFocusOwner() instanceof CodeEditor
                || getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl);
    }

    /** Keys that work in both modes (run, leave edit mode); caught before the editor sees them. */
    private void editModeKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && (e.isShiftDown() || e.isShortcutDown() || e.isAltDown())) {
            e.consume();
            boolean wasEditing = inEditMode();
            if (e.isShiftDown()) {
                commands.runAndAdvance();
            } else if (e.isAltDown()) {
                commands.runAndInsertBelow();
                if (wasEditing) {
                    enterEditMode();
                }
            } else {
                commands.runSelected();
            }
        } else if (e.getCode() == KeyCode.ESCAPE && inEditMode()) {
            e.consume();
            enterCommandMode();
        }
    }

    private void commandModeKeys(KeyEvent e) {
        if (inEditMode() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        int index = notebook.selectedProperty().get();
        boolean handled = true;
        switch (code) {
            case ENTER -> enterEditMode();
            case A -> notebook.insertCell(Math.max(0, index), true);
            case B -> notebook.insertCell(index + 1, true);
            case M -> notebook.changeCellType(index, false);
            case Y -> notebook.changeCellType(index, true);
            case Z -> notebook.undo();
            case J, DOWN -> notebook.selectedProperty().set(Math.min(notebook.cells().size() - 1, index + 1));
            case K, UP -> notebook.selectedProperty().set(Math.max(0, index - 1));
            case D, I, DIGIT0 -> handled = twice(code, index);
            default -> handled = false;
        }
        if (code != KeyCode.D && code != KeyCode.I && code != KeyCode.DIGIT0) {
            pendingDouble = null;
        }
        if (handled) {
            e.consume();
        }
    }

    /** D,D delete; I,I interrupt; 0,0 restart: the second press does it. */
    private boolean twice(KeyCode code, int index) {
        if (pendingDouble != code) {
            pendingDouble = code;
            return true;
        }
        pendingDouble = null;
        switch (code) {
            case D -> notebook.deleteCell(index);
            case I -> notebook.interrupt();
            default -> commands.restart();
        }
        return true;
    }
}
