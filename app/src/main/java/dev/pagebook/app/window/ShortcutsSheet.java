package dev.pagebook.app.window;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keyboard help sheet (Help > Keyboard Shortcuts, or H in command mode). */
final class ShortcutsSheet {

    private static final List<String[]> KEYS = List.of(
            new String[] {"Shift+Enter", "run the cell, select the next"},
            new String[] {"Ctrl+Enter", "run the cell"},
            new String[] {"Alt+Enter", "run the cell, insert one below"},
            new String[] {"Esc / Enter", "command mode / edit mode"},
            new String[] {"A / B", "insert a cell above / below (command mode)"},
            new String[] {"D, D", "delete the cell"},
            new String[] {"Z", "undo the last cell operation (also Ctrl+Shift+Z menu)"},
            new String[] {"M / Y", "make it an HTML cell / a Python cell"},
            new String[] {"I, I", "interrupt the kernel"},
            new String[] {"0, 0", "restart the kernel"},
            new String[] {"Up/Down, K/J", "select the cell above / below"},
            new String[] {"Ctrl+Space", "complete (edit mode)"},
            new String[] {"Shift+Tab", "inspect the name at the caret (edit mode)"},
            new String[] {"Ctrl+S / Ctrl+O", "save / open"},
            new String[] {"Ctrl+F", "find and replace across cells"},
            new String[] {"Ctrl+= / Ctrl+-", "zoom in / out"});

    private ShortcutsSheet() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-sheet");
        grid.setHgap(16);
        grid.setVgap(4);
        for (int i = 0; i < KEYS.size(); i++) {
            Label key = new Label(KEYS.get(i)[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(KEYS.get(i)[1]));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Jupyter's keyboard model");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }
}
