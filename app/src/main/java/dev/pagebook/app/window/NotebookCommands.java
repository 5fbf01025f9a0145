package dev.pagebook.app.window;

import dev.pagebook.app.notebook.NotebookViewModel;

/** The run commands the keyboard, the toolbar and the menus share for one notebook. */
final class NotebookCommands {

    private final NotebookViewModel notebook;

    NotebookCommands(NotebookViewModel notebook) {
        this.notebook = notebook;
    }

    int selected() {
        return notebook.selectedProperty().get();
    }

    /** Ctrl+Enter. */
    void runSelected() {
        notebook.runCell(selected());
    }

    /** Shift+Enter: run, then select the next cell (a new one at the end). */
    void runAndAdvance() {
        int index = selected();
        notebook.runCell(index);
        if (index + 1 >= notebook.cells().size()) {
            notebook.insertCell(index + 1, true);
        } else {
            notebook.selectedProperty().set(index + 1);
        }
    }

    /** Alt+Enter: run, then insert a new cell below. */
    void runAndInsertBelow() {
        int index = selected();
        notebook.runCell(index);
        notebook.insertCell(index + 1, true);
    }

    void restart() {
        notebook.restart(null);
    }
}
