package dev.pagebook.app.window;

import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.files.NotebookFiles;
import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.science.ScienceSetupBar;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.ipynb.IpynbWriter;
import dev.pagebook.format.model.NotebookMetadata;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.format.py.PyFileExporter;
import dev.pagebook.format.pyscript.ExportMode;
import dev.pagebook.format.pyscript.ExportOptions;
import dev.pagebook.format.pyscript.ExportResult;
import dev.pagebook.format.pyscript.PyScriptExporter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The application window: menus, toolbar and one tab per open notebook (each with its own
 * kernel). Owns the file operations: open, save (atomic), export, recovery copies and noticing
 * files changed on disk.
 */
public final class MainWindow {

    private static final Duration AUTOSAVE_EVERY = Duration.seconds(3);
    private static final Duration DISK_CHECK_EVERY = Duration.seconds(2);

    private final Stage stage;
    private final BackgroundTasks tasks;
    private final KernelFactory kernels;
    private final RecoveryStore recovery;
    private final RecentFiles recent;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Open Recent");
    private boolean variablesShown;
    private final Map<NotebookTab, TabFacts> facts = new HashMap<>();
    private final BorderPane root = new BorderPane();
    private Theme theme;
    private double zoom = 1.0;
    private FindReplaceDialog findReplace;
    private PackageDialog packages;

    /** Per tab: its recovery session, the last version written there and the file's known mtime. */
    private static final class TabFacts {
        final String session = RecoveryStore.newSession();
        long autosavedVersion;
        FileTime knownModified;
        boolean askingAboutDisk;
    }

    public MainWindow(Stage stage, BackgroundTasks tasks, KernelFactory kernels, RecoveryStore recovery,
                      RecentFiles recent, Theme theme) {
        this.stage = stage;
        this.tasks = tasks;
        this.kernels = kernels;
        this.recovery = recovery;
        this.recent = recent;
        this.theme = theme;
        tabs.setId("notebook-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        VBox top = new VBox(menuBar(), toolBar());
        // First run without numpy/matplotlib: build them in the background (or say how to get them).
        ScienceSetupBar.forThisStart(tasks, venv -> facts.keySet().forEach(tab -> tab.notebook().restartWithVenv(venv)))
                .ifPresent(top.getChildren()::add);
        root.setTop(top);
        root.setCenter(tabs);
        root.getStyleClass().add("pagebook-root");
        Scene scene = new Scene(root, 1400, 900);
        theme.applyTo(scene);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                e.getDragboard().getFiles().forEach(f -> open(f.toPath()));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            NotebookTab tab = currentTab();
            return (tab == null ? "" : tab.getText() + " — ") + "Pagebook";
        }, tabs.getSelectionModel().selectedItemProperty(), tabs.getTabs()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now instanceof NotebookTab t) {
                stage.titleProperty().unbind();
                stage.titleProperty().bind(Bindings.concat(t.textProperty(), " — Pagebook"));
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeWindow();
        });
        Timeline autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        Timeline diskCheck = new Timeline(new KeyFrame(DISK_CHECK_EVERY, e -> checkDisk()));
        diskCheck.setCycleCount(Timeline.INDEFINITE);
        diskCheck.play();
        refreshRecent();
    }

    public Stage stage() {
        return stage;
    }

    public TabPane tabs() {
        return tabs;
    }

    public NotebookTab currentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab instanceof NotebookTab t ? t : null;
    }

    // ---- opening -------------------------------------------------------------------------------

    /** A new untitled notebook with one empty Python cell. */
    public NotebookTab newNotebook() {
        Notebook nb = Notebook.newPage("Untitled", List.of(PythonCell.of("cell-1", "")), NotebookMetadata.EMPTY);
        return addTab(nb, null);
    }

    /** Opens {@code file} in the background (never running its code); a bad file gets a dialog. */
    public void open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Tab tab : tabs.getTabs()) {
            if (tab instanceof NotebookTab t && absolute.equals(t.notebook().fileProperty().get())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        tasks.run(() -> {
            try {
                return NotebookFiles.read(absolute);
            } catch (NotebookFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, nb -> {
            addTab(nb, NotebookFiles.isPage(absolute) ? absolute : null);
            recent.add(absolute);
            refreshRecent();
        }, error -> showError("Cannot open " + absolute.getFileName(), error.getMessage()));
    }

    NotebookTab addTab(Notebook nb, Path file) {
        Path dir = file != null ? file.toAbsolutePath().getParent() : Path.of(System.getProperty("user.home"));
        NotebookViewModel vm = new NotebookViewModel(nb, file, kernels.start(nb, dir), tasks);
        NotebookTab tab = new NotebookTab(vm, tasks, theme);
        tab.setVariablesShown(variablesShown);
        TabFacts f = new TabFacts();
        f.knownModified = file == null ? null : NotebookFiles.modified(file);
        facts.put(tab, f);
        tab.setOnCloseRequest(e -> {
            e.consume();
            closeTab(tab);
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        tab.cellsView().enterCommandMode();
        return tab;
    }

    /** Offers back notebooks whose process died with unsaved changes. */
    public void offerRecovery() {
        tasks.run(() -> {
            try {
                return recovery.orphans();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, orphans -> orphans.forEach(this::offer), error -> { });
    }

    private void offer(RecoveryStore.Orphan orphan) {
        String name = orphan.original() == null ? "an untitled notebook" : orphan.original().toString();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "Pagebook stopped before " + name + " was saved. Recover the copy from " + orphan.saved() + "?",
                new ButtonType("Recover", ButtonBar.ButtonData.YES), new ButtonType("Discard", ButtonBar.ButtonData.NO));
        ask.initOwner(stage);
        ask.setTitle("Recover unsaved work");
        ask.setHeaderText("Unsaved changes were found");
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isPresent() && answer.get().getButtonData() == ButtonBar.ButtonData.YES) {
            tasks.run(() -> {
                try {
                    return NotebookReader.read(orphan.copy());
                } catch (NotebookFormatException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }, nb -> {
                NotebookTab tab = addTab(nb, orphan.original());
                tab.notebook().dirtyProperty().set(true);
                discardQuietly(orphan);
            }, error -> showError("Cannot recover", error.getMessage()));
        } else {
            discardQuietly(orphan);
        }
    }

    private static void discardQuietly(RecoveryStore.Orphan orphan) {
        try {
            orphan.discard();
        } catch (IOException ignored) {
            // A copy that cannot be removed is offered again next time; nothing is lost.
        }
    }

    // ---- saving --------------------------------------------------------------------------------

    /** Saves the tab's notebook; returns false when the user cancelled or saving failed. */
    boolean save(NotebookTab tab) {
        Path file = tab.notebook().fileProperty().get();
        return file == null ? saveAs(tab) : saveTo(tab, file);
    }

    boolean saveAs(NotebookTab tab) {
        FileChooser chooser = chooser("Save Notebook", "Pagebook notebook (*.html)", "*.html");
        Path current = tab.notebook().fileProperty().get();
        chooser.setInitialFileName(current == null ? "notebook.html" : current.getFileName().toString());
        File chosen = chooser.showSaveDialog(stage);
        return chosen != null && saveTo(tab, chosen.toPath());
    }

    /** Writes synchronously: saving is quick, and a close prompt must know it succeeded. */
    boolean saveTo(NotebookTab tab, Path file) {
        NotebookViewModel vm = tab.notebook();
        try {
            NotebookWriter.write(vm.notebook(), file);
        } catch (IOException | RuntimeException e) {
            showError("Cannot save " + file.getFileName(), file + ": " + e.getMessage());
            return false;
        }
        vm.saved(file.toAbsolutePath());
        TabFacts f = facts.get(tab);
        f.knownModified = NotebookFiles.modified(file);
        f.autosavedVersion = vm.editVersion();
        try {
            recovery.discard(f.session);
        } catch (IOException ignored) {
            // A stale copy is offered at the next start and can be declined.
        }
        recent.add(file);
        refreshRecent();
        return true;
    }

    private void export(String kind) {
        NotebookTab tab = currentTab();
        if (tab == null) {
            return;
        }
        Notebook nb = tab.notebook().notebook();
        String base = tab.notebook().fileProperty().get() == null ? "notebook"
                : tab.notebook().fileProperty().get().getFileName().toString().replaceFirst("\\.html?$", "");
        FileChooser chooser = switch (kind) {
            case "ipynb" -> chooser("Export as Jupyter notebook", "Jupyter notebook (*.ipynb)", "*.ipynb");
            case "py" -> chooser("Export as Python script", "Python (*.py)", "*.py");
            default -> chooser("Export as PyScript page", "Web page (*.html)", "*.html");
        };
        chooser.setInitialFileName(base + switch (kind) {
            case "ipynb" -> ".ipynb";
            case "py" -> ".py";
            default -> "-" + kind + ".html";
        });
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path out = chosen.toPath();
        String name = base + ".html";
        tasks.run(() -> {
            try {
                switch (kind) {
                    case "ipynb" -> NotebookWriter.writeAtomically(out, IpynbWriter.write(nb));
                    case "py" -> NotebookWriter.writeAtomically(out, PyFileExporter.write(nb));
                    default -> {
                        // The page carries the modules the cells import from the notebook's folder.
                        Path saved = tab.notebook().fileProperty().get();
                        ExportOptions options = ExportOptions.of(ExportMode.parse(kind), out)
                                .withModuleFolder(saved == null ? null : saved.toAbsolutePath().getParent());
                        ExportResult result = new PyScriptExporter(options.assets()).export(NotebookWriter.write(nb), name, options);
                        return result.page().toString();
                    }
                }
                return out.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, written -> tab.preview().showMessage("Exported " + written),
                error -> showError("Export failed", error.getMessage()));
    }

    // ---- closing -------------------------------------------------------------------------------

    /** Asks about unsaved changes; returns true when the tab was closed. */
    boolean closeTab(NotebookTab tab) {
        if (tab.notebook().dirtyProperty().get()) {
            tabs.getSelectionModel().select(tab);
            ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
            Alert ask = new Alert(Alert.AlertType.WARNING, "Save the changes to " + tab.getText().replace("• ", "") + "?",
                    saveButton, discard, ButtonType.CANCEL);
            ask.initOwner(stage);
            ask.setTitle("Unsaved changes");
            ask.setHeaderText("This notebook has unsaved changes");
            ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
            if (answer == ButtonType.CANCEL || (answer == saveButton && !save(tab))) {
                return false;
            }
        }
        TabFacts f = facts.remove(tab);
        try {
            recovery.discard(f.session);
        } catch (IOException ignored) {
            // offered again next start, harmless
        }
        tab.notebook().close();
        tabs.getTabs().remove(tab);
        return true;
    }

    private void closeWindow() {
        for (Tab tab : new ArrayList<>(tabs.getTabs())) {
            if (tab instanceof NotebookTab t && !closeTab(t)) {
                return;
            }
        }
        stage.close();
    }

    // ---- background duties ---------------------------------------------------------------------

    private void autosave() {
        for (Map.Entry<NotebookTab, TabFacts> e : facts.entrySet()) {
            NotebookViewModel vm = e.getKey().notebook();
            TabFacts f = e.getValue();
            if (vm.dirtyProperty().get() && vm.editVersion() != f.autosavedVersion) {
                f.autosavedVersion = vm.editVersion();
                Notebook nb = vm.notebook();
                Path original = vm.fileProperty().get();
                tasks.run(() -> {
                    try {
                        recovery.write(f.session, NotebookWriter.write(nb), original);
                        return null;
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }, ignored -> { }, error -> { });
            }
        }
    }

    private void checkDisk() {
        for (Map.Entry<NotebookTab, TabFacts> e : facts.entrySet()) {
            NotebookTab tab = e.getKey();
            TabFacts f = e.getValue();
            Path file = tab.notebook().fileProperty().get();
            if (file == null || f.askingAboutDisk) {
                continue;
            }
            FileTime now = NotebookFiles.modified(file);
            if (now != null && f.knownModified != null && !now.equals(f.knownModified)) {
                f.askingAboutDisk = true;
                f.knownModified = now;
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                        file + " was changed by another program. Reload it?"
                                + (tab.notebook().dirtyProperty().get() ? " Your unsaved changes would be lost." : ""),
                        new ButtonType("Reload", ButtonBar.ButtonData.YES), new ButtonType("Keep Mine", ButtonBar.ButtonData.NO));
                ask.initOwner(stage);
                ask.setTitle("File changed on disk");
                ask.setHeaderText("File changed on disk");
                ask.setOnHidden(ev -> {
                    f.askingAboutDisk = false;
                    if (ask.getResult() != null && ask.getResult().getButtonData() == ButtonBar.ButtonData.YES) {
                        reload(tab, file);
                    }
                });
                ask.show();
            }
        }
    }

    private void reload(NotebookTab tab, Path file) {
        tasks.run(() -> {
            try {
                return NotebookFiles.read(file);
            } catch (NotebookFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, nb -> {
            // In place: the kernel keeps its variables, the tab its place and layout.
            tab.notebook().reloadFromDisk(nb);
            TabFacts f = facts.get(tab);
            if (f != null) {
                f.knownModified = NotebookFiles.modified(file);
            }
        }, error -> showError("Cannot reload " + file.getFileName(), error.getMessage()));
    }

    // ---- menus and toolbar ---------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        Menu export = new Menu("Export");
        export.getItems().addAll(
                item("PyScript Page (linked)…", null, e -> export("linked")),
                item("PyScript Page (offline, one file)…", null, e -> export("offline")),
                item("Static Page (outputs only)…", null, e -> export("static")),
                item("Jupyter Notebook (.ipynb)…", null, e -> export("ipynb")),
                item("Python Script (.py)…", null, e -> export("py")));
        file.getItems().addAll(
                item("New Notebook", "Shortcut+N", e -> newNotebook()),
                item("Open…", "Shortcut+O", e -> openDialog()),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", e -> withTab(this::save)),
                item("Save As…", "Shortcut+Shift+S", e -> withTab(this::saveAs)),
                export,
                new SeparatorMenuItem(),
                item("Close Notebook", "Shortcut+W", e -> withTab(this::closeTab)),
                item("Quit", "Shortcut+Q", e -> closeWindow()));

        Menu edit = new Menu("Edit");
        edit.getItems().addAll(
                item("Undo", "Shortcut+Z", e -> undo(true)),
                item("Redo", "Shortcut+Y", e -> undo(false)),
                item("Undo Cell Operation", "Shortcut+Shift+Z", e -> onNotebook(NotebookViewModel::undo)),
                new SeparatorMenuItem(),
                item("Find and Replace…", "Shortcut+F", e -> findReplace()),
                new SeparatorMenuItem(),
                item("Insert Cell Above", null, e -> onNotebook(n -> n.insertCell(Math.max(0, n.selectedProperty().get()), true))),
                item("Insert Cell Below", null, e -> onNotebook(n -> n.insertCell(n.selectedProperty().get() + 1, true))),
                item("Insert HTML Cell Below", null, e -> onNotebook(n -> n.insertCell(n.selectedProperty().get() + 1, false))),
                item("Delete Cell", null, e -> onNotebook(n -> n.deleteCell(n.selectedProperty().get()))),
                item("Move Cell Up", "Shortcut+Shift+UP", e -> onNotebook(n -> n.moveCell(n.selectedProperty().get(), -1))),
                item("Move Cell Down", "Shortcut+Shift+DOWN", e -> onNotebook(n -> n.moveCell(n.selectedProperty().get(), 1))),
                item("Split Cell at Caret", "Shortcut+Shift+MINUS", e -> splitAtCaret()),
                item("Merge with Cell Below", "Shortcut+Shift+M", e -> onNotebook(n -> n.mergeWithNext(n.selectedProperty().get()))),
                item("Make Python Cell", null, e -> onNotebook(n -> n.changeCellType(n.selectedProperty().get(), true))),
                item("Make HTML Cell", null, e -> onNotebook(n -> n.changeCellType(n.selectedProperty().get(), false))));

        CheckMenuItem showPreview = new CheckMenuItem("Show Page Preview");
        showPreview.setSelected(true);
        showPreview.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        showPreview.setOnAction(e -> tabs.getTabs().forEach(t -> ((NotebookTab) t).setPreviewShown(showPreview.isSelected())));
        CheckMenuItem showVariables = new CheckMenuItem("Show Variables");
        showVariables.setId("show-variables");
        showVariables.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+V"));
        showVariables.setOnAction(e -> {
            variablesShown = showVariables.isSelected();
            tabs.getTabs().forEach(t -> ((NotebookTab) t).setVariablesShown(variablesShown));
        });
        Menu themeMenu = new Menu("Theme");
        themeMenu.getItems().addAll(
                item("Follow System", null, e -> tasks.run(Theme::fromSystem, this::setTheme)),
                item("Light", null, e -> setTheme(Theme.LIGHT)),
                item("Dark", null, e -> setTheme(Theme.DARK)));
        Menu view = new Menu("View");
        view.getItems().addAll(showPreview, showVariables,
                item("Zoom In", "Shortcut+EQUALS", e -> zoom(1.1)),
                item("Zoom Out", "Shortcut+MINUS", e -> zoom(1 / 1.1)),
                item("Actual Size", "Shortcut+DIGIT0", e -> zoom(0)),
                themeMenu);

        Menu run = new Menu("Run");
        run.getItems().addAll(
                item("Run Cell", null, e -> withTab(t -> t.commands().runSelected())),
                item("Run All", "Shortcut+Shift+ENTER", e -> onNotebook(NotebookViewModel::runAll)),
                item("Run All Above", null, e -> onNotebook(n -> n.runAbove(n.selectedProperty().get()))),
                item("Run Cell and Below", null, e -> onNotebook(n -> n.runBelow(n.selectedProperty().get()))),
                new SeparatorMenuItem(),
                item("Interrupt", null, e -> onNotebook(NotebookViewModel::interrupt)),
                item("Restart Kernel", null, e -> onNotebook(n -> n.restart(null))),
                item("Restart and Run All", null, e -> onNotebook(NotebookViewModel::restartAndRunAll)),
                item("Clear All Outputs", null, e -> onNotebook(NotebookViewModel::clearAllOutputs)),
                new SeparatorMenuItem(),
                item("Install Packages…", null, e -> packages()));

        Menu help = new Menu("Help");
        help.getItems().add(item("Keyboard Shortcuts", "F1", e -> ShortcutsSheet.show(stage)));
        MenuBar bar = new MenuBar(file, edit, view, run, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar(
                button("run-cell", "Run", "Run the cell and select the next (Shift+Enter)", e -> withTab(t -> t.commands().runAndAdvance())),
                button("run-all", "Run All", "Run every cell", e -> onNotebook(NotebookViewModel::runAll)),
                button("interrupt", "Interrupt", "Interrupt the kernel (I, I)", e -> onNotebook(NotebookViewModel::interrupt)),
                button("restart", "Restart", "Restart the kernel (0, 0)", e -> onNotebook(n -> n.restart(null))),
                button("add-cell", "+ Cell", "Insert a Python cell below (B)", e -> onNotebook(n -> n.insertCell(n.selectedProperty().get() + 1, true))),
                button("add-html", "+ HTML", "Insert an HTML cell below", e -> onNotebook(n -> n.insertCell(n.selectedProperty().get() + 1, false))),
                button("delete-cell", "Delete", "Delete the cell (D, D)", e -> onNotebook(n -> n.deleteCell(n.selectedProperty().get()))),
                button("move-up", "↑", "Move the cell up", e -> onNotebook(n -> n.moveCell(n.selectedProperty().get(), -1))),
                button("move-down", "↓", "Move the cell down", e -> onNotebook(n -> n.moveCell(n.selectedProperty().get(), 1))),
                button("undo-cell", "Undo", "Undo the last cell operation (Z)", e -> onNotebook(NotebookViewModel::undo)),
                button("redo-cell", "Redo", "Redo the cell operation", e -> onNotebook(NotebookViewModel::redo)),
                button("toggle-preview", "Preview", "Show or hide the page preview", e -> withTab(t -> t.setPreviewShown(!t.previewShown()))));
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static Button button(String id, String text, String tip, EventHandler<ActionEvent> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(action);
        return b;
    }

    private static MenuItem item(String text, String accelerator, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(action);
        return item;
    }

    private void withTab(Consumer<NotebookTab> action) {
        NotebookTab tab = currentTab();
        if (tab != null) {
            action.accept(tab);
        }
    }

    private void onNotebook(Consumer<NotebookViewModel> action) {
        withTab(t -> action.accept(t.notebook()));
    }

    /** Undo/redo the text while typing in a cell, else the last cell operation. */
    private void undo(boolean undo) {
        if (stage.getScene().getFocusOwner() instanceof CodeEditor editor) {
            if (undo) {
                editor.undo();
            } else {
                editor.redo();
            }
        } else {
            onNotebook(undo ? NotebookViewModel::undo : NotebookViewModel::redo);
        }
    }

    private void splitAtCaret() {
        if (stage.getScene().getFocusOwner() instanceof CodeEditor editor) {
            onNotebook(n -> n.splitCell(n.selectedProperty().get(), editor.getCaretPosition()));
        }
    }

    private void openDialog() {
        FileChooser chooser = chooser("Open Notebook", "Notebooks (*.html, *.ipynb)", "*.html", "*.htm", "*.ipynb");
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null) {
            chosen.forEach(f -> open(f.toPath()));
        }
    }

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        NotebookTab tab = currentTab();
        if (tab != null && tab.notebook().fileProperty().get() != null) {
            chooser.setInitialDirectory(tab.notebook().fileProperty().get().getParent().toFile());
        }
        return chooser;
    }

    private void refreshRecent() {
        recentMenu.getItems().setAll(recent.list().stream()
                .map(p -> item(p.toString(), null, e -> open(p))).toList());
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void findReplace() {
        if (findReplace == null) {
            findReplace = new FindReplaceDialog(stage, this::currentTab);
        }
        findReplace.show();
    }

    private void packages() {
        if (packages == null) {
            packages = new PackageDialog(stage, tasks);
        }
        packages.show();
    }

    public void setTheme(Theme newTheme) {
        theme = newTheme;
        theme.applyTo(stage.getScene());
        // A browser on a dark desktop answers the page's prefers-color-scheme queries "dark".
        tabs.getTabs().forEach(t -> ((NotebookTab) t).preview().setPrefersDark(newTheme == Theme.DARK));
    }

    /** factor 0 resets. */
    private void zoom(double factor) {
        zoom = factor == 0 ? 1.0 : Math.max(0.5, Math.min(3.0, zoom * factor));
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fem;", zoom));
        tabs.getTabs().forEach(t -> ((NotebookTab) t).preview().webView().setZoom(zoom));
    }

    public double zoomFactor() {
        return zoom;
    }

    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message == null ? "unknown error" : message, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle("Pagebook");
        alert.setHeaderText(header);
        alert.show();
    }
}
