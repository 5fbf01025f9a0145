package dev.pagebook.app.window;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.NotebookViewModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The views of cells, made when a cell first scrolls into sight and kept (up to a limit) for cells
 * scrolled away, so coming back keeps the editor's caret and undo history.
 */
final class CellViews {

    private static final int CACHED_VIEWS = 150;

    private final NotebookViewModel notebook;
    private final CodeEditor.HighlightRunner highlighting;
    private final CodeEditor.Assist assist;
    private final String pageCss;
    private final Map<CellViewModel, CellView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CellViewModel, CellView> eldest) {
            return size() > CACHED_VIEWS && eldest.getValue().getParent() == null;
        }
    };

    CellViews(NotebookViewModel notebook, CodeEditor.HighlightRunner highlighting, CodeEditor.Assist assist, String pageCss) {
        this.notebook = notebook;
        this.highlighting = highlighting;
        this.assist = assist;
        this.pageCss = pageCss;
    }

    CellView viewOf(CellViewModel cell) {
        return views.computeIfAbsent(cell, c -> new CellView(c, notebook, highlighting, assist, pageCss));
    }
}
