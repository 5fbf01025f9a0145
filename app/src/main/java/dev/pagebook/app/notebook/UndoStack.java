package dev.pagebook.app.notebook;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The notebook's one undo/redo history of {@link CellEdit}s (text typing has each editor's own). */
public final class UndoStack {

    private static final int LIMIT = 500;

    private final Deque<CellEdit> undo = new ArrayDeque<>();
    private final Deque<CellEdit> redo = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper();

    void done(CellEdit edit) {
        undo.push(edit);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        publish();
    }

    /** The edit to apply to undo the last one, or null. */
    CellEdit takeUndo() {
        CellEdit edit = undo.poll();
        if (edit != null) {
            redo.push(edit);
        }
        publish();
        return edit == null ? null : edit.inverse();
    }

    CellEdit takeRedo() {
        CellEdit edit = redo.poll();
        if (edit != null) {
            undo.push(edit);
        }
        publish();
        return edit;
    }

    void clear() {
        undo.clear();
        redo.clear();
        publish();
    }

    /** Name of the edit Undo would revert, null when none. */
    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    private void publish() {
        undoName.set(undo.isEmpty() ? null : undo.peek().name());
        redoName.set(redo.isEmpty() ? null : redo.peek().name());
    }
}
