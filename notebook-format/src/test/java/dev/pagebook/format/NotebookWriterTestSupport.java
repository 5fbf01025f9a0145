package dev.pagebook.format;

import dev.pagebook.format.model.PythonCell;

/** Test access to the text a cell was read from. */
final class NotebookWriterTestSupport {
    private NotebookWriterTestSupport() {
    }

    static String cellText(Notebook notebook, PythonCell cell) {
        CellOrigin origin = notebook.origin(cell.id());
        return origin.startTag() + origin.content() + origin.endTag();
    }
}
