package dev.pagebook.app.window;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.preview.PreviewPane;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.KernelStatus;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One open notebook: cells on the left, the live page on the right, its status bar below. */
public final class NotebookTab extends Tab {

    private final NotebookViewModel notebook;
    private final NotebookView cellsView;
    private final PreviewPane preview;
    private final SplitPane split;
    private final SplitPane left;
    private final VariablesView variables;
    private final NotebookCommands commands;
    private double dividerWhenShown = 0.55;

    NotebookTab(NotebookViewModel notebook, BackgroundTasks tasks, Theme theme) {
        String pageCss = theme.pageCss();
        this.notebook = notebook;
        this.commands = new NotebookCommands(notebook);
        CodeEditor.HighlightRunner highlighting = (text, highlighter, then) ->
                tasks.run(() -> highlighter.compute(text), then, error -> { });
        CodeEditor.Assist assist = new CodeEditor.Assist() {
            @Override
            public void complete(String code, int caret, java.util.function.Consumer<java.util.List<dev.pagebook.kernel.Completion>> then) {
                tasks.run(() -> notebook.kernel().complete(code, caret), then, error -> { });
            }

            @Override
            public void inspect(String code, int caret, java.util.function.Consumer<java.util.Optional<String>> then) {
                tasks.run(() -> notebook.kernel().inspect(code, caret), then, error -> { });
            }
        };
        cellsView = new NotebookView(notebook, commands, new CellViews(notebook, highlighting, assist, pageCss));
        preview = new PreviewPane(notebook, tasks, theme == Theme.DARK);
        notebook.kernel().setDomBridge(preview.bridge());
        preview.setEventForwarder((handle, type) -> tasks.whenDone(
                notebook.kernel().dispatchEvent(handle, type, this::eventOutput),
                reply -> { }, error -> preview.showMessage("event handler failed: " + error.getMessage())));
        preview.setOnReloaded(() -> tasks.whenDone(notebook.kernel().rebindEvents(this::eventOutput),
                reply -> { }, error -> preview.showMessage("could not bind the page's event handlers: " + error.getMessage())));
        variables = new VariablesView(notebook, tasks);
        left = new SplitPane(cellsView);
        left.setOrientation(Orientation.VERTICAL);
        split = new SplitPane(left, preview);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(dividerWhenShown);
        SplitPane.setResizableWithParent(preview, true);

        BorderPane content = new BorderPane(split);
        content.setBottom(statusBar());
        setContent(content);
        textProperty().bind(notebook.titleBinding());
    }

    /** print() and errors from a click handler: the page shows no cell for them, so a message line does. */
    private void eventOutput(Output output) {
        String text = switch (output) {
            case Output.Stream s -> s.text().strip();
            case Output.Error e -> e.ename() + ": " + e.evalue();
            default -> null;
        };
        if (text != null && !text.isEmpty()) {
            BackgroundTasks.onFx(() -> preview.showMessage(text));
        }
    }

    private HBox statusBar() {
        BusyMark spinner = new BusyMark();
        spinner.visibleProperty().bind(notebook.busyBinding());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label state = new Label();
        state.setId("kernel-state");
        state.getStyleClass().add("kernel-state");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> "Kernel: " + notebook.kernelStatusProperty().get().name().toLowerCase(Locale.ROOT),
                notebook.kernelStatusProperty()));
        notebook.kernelStatusProperty().addListener((obs, old, now) -> {
            state.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dead"), now == KernelStatus.DEAD);
        });
        Label packages = new Label();
        packages.getStyleClass().add("status-packages");
        packages.textProperty().bind(Bindings.createStringBinding(() -> {
            var list = notebook.notebookProperty().get().config().packages();
            return list.isEmpty() ? "No packages declared" : "Packages: " + String.join(", ", list);
        }, notebook.notebookProperty()));
        Label path = new Label();
        path.getStyleClass().add("status-path");
        path.textProperty().bind(Bindings.createStringBinding(() -> notebook.fileProperty().get() == null
                ? "Not saved yet" : notebook.fileProperty().get().toString(), notebook.fileProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, spinner, state, packages, grow, path);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    public NotebookViewModel notebook() {
        return notebook;
    }

    public PreviewPane preview() {
        return preview;
    }

    public NotebookView cellsView() {
        return cellsView;
    }

    NotebookCommands commands() {
        return commands;
    }

    boolean variablesShown() {
        return left.getItems().contains(variables);
    }

    public void setVariablesShown(boolean shown) {
        if (shown && !variablesShown()) {
            left.getItems().add(variables);
            left.setDividerPositions(0.72);
            variables.reload();
        } else if (!shown && variablesShown()) {
            left.getItems().remove(variables);
        }
    }

    VariablesView variables() {
        return variables;
    }

    boolean previewShown() {
        return split.getItems().contains(preview);
    }

    void setPreviewShown(boolean shown) {
        if (shown && !previewShown()) {
            split.getItems().add(preview);
            split.setDividerPositions(dividerWhenShown);
        } else if (!shown && previewShown()) {
            dividerWhenShown = split.getDividerPositions()[0];
            split.getItems().remove(preview);
        }
    }
}
