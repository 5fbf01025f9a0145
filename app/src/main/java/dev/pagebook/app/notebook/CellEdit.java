package dev.pagebook.app.notebook;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.model.Cell;
import java.util.List;

/**
 * Every structural cell operation (insert, delete, move, split, merge, change type, replace all)
 * as one command: the cells {@code removed} at {@code index} are replaced by {@code added}. Its
 * inverse swaps the two lists, so undo and redo are one mechanism for every operation.
 *
 * @param name    what the user did, for the Edit menu ("Delete Cell")
 * @param index   first cell affected
 * @param removed the cells there before, exactly as they were
 * @param added   the cells there after
 * @param select  the cell index to select after applying
 */
public record CellEdit(String name, int index, List<Cell> removed, List<Cell> added, int select) {

    public CellEdit {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /** Applies this edit to {@code notebook}, which must hold {@link #removed} at {@link #index}. */
    public Notebook apply(Notebook notebook) {
        Notebook result = notebook;
        for (int i = 0; i < removed.size(); i++) {
            if (!result.cells().get(index).equals(removed.get(i))) {
                throw new IllegalStateException(name + ": the notebook changed under the edit");
            }
            result = result.deleteCell(index);
        }
        for (int i = 0; i < added.size(); i++) {
            result = result.insertCell(index + i, added.get(i));
        }
        return result;
    }

    public CellEdit inverse() {
        return new CellEdit(name, index, added, removed, Math.min(index, Math.max(0, index + removed.size() - 1)));
    }

    /** The edit that turns {@code before} into {@code after} over the cells from {@code index}. */
    public static CellEdit between(String name, Notebook before, Notebook after, int index, int select) {
        List<Cell> a = before.cells();
        List<Cell> b = after.cells();
        int tail = 0;
        while (tail < a.size() - index && tail < b.size() - index
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        return new CellEdit(name, index, a.subList(index, a.size() - tail), b.subList(index, b.size() - tail), select);
    }
}
