package dev.pagebook.app.notebook;

import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellInfo;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.OutputSink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open notebook: the immutable {@link Notebook} (the single source of truth), the cell
 * view-models the window shows, its kernel, its undo history and where it lives on disk. Lives on
 * the FX thread; kernel work is handed to {@link BackgroundTasks}.
 */
public final class NotebookViewModel {

    /** What the preview needs to hear about. */
    public interface PageListener {
        /** The cell's outputs changed (a run ended or they were cleared). */
        void outputsChanged(String cellId, List<Output> outputs);

        /** Cells were added, removed, moved or their HTML changed: the page needs a reload. */
        void pageChanged();
    }

    private final BackgroundTasks tasks;
    private final ObjectProperty<Notebook> notebook = new SimpleObjectProperty<>();
    private final ObservableList<CellViewModel> cells = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<KernelStatus> kernelStatus = new ReadOnlyObjectWrapper<>(KernelStatus.STARTING);
    private final UndoStack undo = new UndoStack();
    private final List<PageListener> pageListeners = new CopyOnWriteArrayList<>();
    private final Deque<CellViewModel> runQueue = new ArrayDeque<>();
    private final Consumer<KernelStatus> statusListener;
    private Kernel kernel;
    private CellViewModel running;
    private boolean syncing;
    private long editVersion;

    public NotebookViewModel(Notebook initial, Path path, Kernel kernel, BackgroundTasks tasks) {
        this.tasks = tasks;
        this.kernel = kernel;
        this.statusListener = s -> BackgroundTasks.onFx(() -> kernelStatus.set(s));
        kernel.addStatusListener(statusListener);
        kernelStatus.set(kernel.status());
        file.set(path);
        notebook.set(initial);
        reconcile();
        selected.set(cells.isEmpty() ? -1 : 0);
    }

    // ---- state --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Notebook> notebookProperty() {
        return notebook;
    }

    public Notebook notebook() {
        return notebook.get();
    }

    public ObservableList<CellViewModel> cells() {
        return cells;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyObjectProperty<KernelStatus> kernelStatusProperty() {
        return kernelStatus.getReadOnlyProperty();
    }

    public UndoStack undoStack() {
        return undo;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Grows with every change to the notebook; autosave compares it. */
    public long editVersion() {
        return editVersion;
    }

    /** "name.html" (or "Untitled") with a leading "• " while unsaved: the tab and window title. */
    public StringBinding titleBinding() {
        return Bindings.createStringBinding(() -> (dirty.get() ? "• " : "")
                + (file.get() == null ? "Untitled" : file.get().getFileName().toString()), dirty, file);
    }

    public BooleanBinding busyBinding() {
        return Bindings.createBooleanBinding(() -> kernelStatus.get() == KernelStatus.BUSY
                || kernelStatus.get() == KernelStatus.STARTING, kernelStatus);
    }

    public void addPageListener(PageListener listener) {
        pageListeners.add(listener);
    }

    /** Marks the current notebook as the one on disk at {@code path}. */
    public void saved(Path path) {
        file.set(path);
        dirty.set(false);
    }

    /**
     * The file changed on disk and the user chose to load it: the notebook becomes the file's
     * while the kernel and its variables stay. The undo history goes: its edits were made to the
     * cells just replaced.
     */
    public void reloadFromDisk(Notebook fromDisk) {
        notebook.set(fromDisk);
        reconcile();
        undo.clear();
        selected.set(cells.isEmpty() ? -1 : Math.max(0, Math.min(selected.get(), cells.size() - 1)));
        editVersion++;
        dirty.set(false);
        pageListeners.forEach(PageListener::pageChanged);
    }

    // ---- editing ------------------------------------------------------------------------------

    /** Inserts a new empty cell at {@code index} (Python or HTML) and selects it. */
    public void insertCell(int index, boolean python) {
        Notebook nb = notebook.get();
        Cell cell = python ? PythonCell.of(nb.newCellId(), "") : new HtmlCell("<p></p>\n");
        apply(new CellEdit(python ? "Insert Cell" : "Insert HTML Cell", index, List.of(), List.of(cell), index));
    }

    public void deleteCell(int index) {
        if (index < 0 || index >= cells.size()) {
            return;
        }
        Cell cell = notebook.get().cells().get(index);
        int next = Math.min(index, cells.size() - 2);
        apply(new CellEdit("Delete Cell", index, List.of(cell), List.of(), next));
    }

    /** Moves the cell at {@code index} up (-1) or down (+1). */
    public void moveCell(int index, int direction) {
        int other = index + direction;
        if (index < 0 || other < 0 || other >= cells.size()) {
            return;
        }
        int low = Math.min(index, other);
        List<Cell> pair = notebook.get().cells().subList(low, low + 2);
        apply(new CellEdit(direction < 0 ? "Move Cell Up" : "Move Cell Down", low, pair,
                List.of(pair.get(1), pair.get(0)), other));
    }

    /** Splits the cell at {@code index} at {@code offset} in its editor's text. */
    public void splitCell(int index, int offset) {
        Notebook nb = notebook.get();
        String text = cells.get(index).sourceProperty().get();
        if (offset <= 0 || offset >= text.length()) {
            return;
        }
        int at = offset + cells.get(index).editorOffset();
        apply(CellEdit.between("Split Cell", nb, nb.splitCell(index, at), index, index + 1));
    }

    /** Merges the cell at {@code index} with the next; cells of different types cannot merge. */
    public boolean mergeWithNext(int index) {
        Notebook nb = notebook.get();
        if (index < 0 || index + 1 >= nb.cells().size()
                || nb.cells().get(index).getClass() != nb.cells().get(index + 1).getClass()) {
            return false;
        }
        apply(CellEdit.between("Merge Cells", nb, nb.mergeCells(index), index, index));
        return true;
    }

    /** Python to HTML or back; {@code python} is the wanted type. */
    public void changeCellType(int index, boolean python) {
        Notebook nb = notebook.get();
        if (index < 0 || index >= nb.cells().size() || (nb.cells().get(index) instanceof PythonCell) == python) {
            return;
        }
        apply(CellEdit.between(python ? "To Python Cell" : "To HTML Cell", nb, nb.changeCellType(index), index, index));
    }

    /** Replaces {@code find} by {@code replacement} in every cell's source, as one undoable edit; returns the count. */
    public int replaceAll(String find, String replacement) {
        if (find.isEmpty()) {
            return 0;
        }
        Notebook before = notebook.get();
        Notebook after = before;
        int count = 0;
        for (int i = 0; i < before.cells().size(); i++) {
            CellViewModel cell = cells.get(i);
            String text = cell.sourceProperty().get();
            int hits = occurrences(text, find);
            if (hits > 0) {
                count += hits;
                after = after.editSource(i, cell.sourceWith(text.replace(find, replacement)));
            }
        }
        if (count > 0) {
            apply(CellEdit.between("Replace All", before, after, 0, Math.max(0, selected.get())));
        }
        return count;
    }

    /** Cells (index, offset in the cell's editor text) where {@code find} occurs, in order. */
    public List<int[]> findAll(String find) {
        List<int[]> hits = new ArrayList<>();
        if (find.isEmpty()) {
            return hits;
        }
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i).sourceProperty().get();
            for (int at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + find.length())) {
                hits.add(new int[] {i, at});
            }
        }
        return hits;
    }

    private static int occurrences(String text, String find) {
        int n = 0;
        for (int at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + find.length())) {
            n++;
        }
        return n;
    }

    public void undo() {
        CellEdit edit = undo.takeUndo();
        if (edit != null) {
            perform(edit);
        }
    }

    public void redo() {
        CellEdit edit = undo.takeRedo();
        if (edit != null) {
            perform(edit);
        }
    }

    private void apply(CellEdit edit) {
        perform(edit);
        undo.done(edit);
    }

    private void perform(CellEdit edit) {
        changeNotebook(edit.apply(notebook.get()));
        reconcile();
        selected.set(cells.isEmpty() ? -1 : Math.max(0, Math.min(edit.select(), cells.size() - 1)));
        pageListeners.forEach(PageListener::pageChanged);
    }

    /** The user typed in a cell: the text goes into the notebook (the editor keeps its own undo). */
    private void sourceEdited(CellViewModel cell, String text) {
        if (syncing) {
            return;
        }
        int index = cells.indexOf(cell);
        String source = cell.sourceWith(text);
        if (index < 0 || notebook.get().cells().get(index).source().equals(source)) {
            return;
        }
        changeNotebook(notebook.get().editSource(index, source));
        cell.update(notebook.get().cells().get(index));
        if (!cell.isPython()) {
            pageListeners.forEach(PageListener::pageChanged);
        }
    }

    private void changeNotebook(Notebook next) {
        notebook.set(next);
        dirty.set(true);
        editVersion++;
    }

    /** Makes the cell view-models match the notebook's cells, keeping those that still match. */
    private void reconcile() {
        syncing = true;
        try {
            Map<String, CellViewModel> python = new HashMap<>();
            List<CellViewModel> html = new ArrayList<>();
            for (CellViewModel vm : cells) {
                if (vm.isPython()) {
                    python.put(vm.id(), vm);
                } else {
                    html.add(vm);
                }
            }
            List<CellViewModel> next = new ArrayList<>();
            for (Cell cell : notebook.get().cells()) {
                CellViewModel vm = cell instanceof PythonCell p ? python.remove(p.id()) : takeMatching(html, cell);
                if (vm == null) {
                    vm = new CellViewModel(cell);
                    CellViewModel created = vm;
                    vm.sourceProperty().addListener((obs, old, text) -> sourceEdited(created, text));
                }
                vm.update(cell);
                next.add(vm);
            }
            if (!next.equals(cells)) {
                cells.setAll(next);
            }
        } finally {
            syncing = false;
        }
    }

    private static CellViewModel takeMatching(List<CellViewModel> candidates, Cell cell) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).matches(cell)) {
                return candidates.remove(i);
            }
        }
        return null;
    }

    // ---- running ------------------------------------------------------------------------------

    public void runCell(int index) {
        run(List.of(index));
    }

    public void runAll() {
        run(range(0, cells.size()));
    }

    public void runAbove(int index) {
        run(range(0, index));
    }

    public void runBelow(int index) {
        run(range(index, cells.size()));
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> list = new ArrayList<>();
        for (int i = Math.max(0, from); i < to; i++) {
            list.add(i);
        }
        return list;
    }

    /** Queues the Python cells among {@code indexes}; a cell error drops the rest of the queue. */
    private void run(List<Integer> indexes) {
        for (int index : indexes) {
            if (index >= 0 && index < cells.size()) {
                CellViewModel vm = cells.get(index);
                if (vm.isPython() && vm != running && !runQueue.contains(vm)) {
                    vm.runStateProperty().set(CellViewModel.RunState.QUEUED);
                    runQueue.add(vm);
                }
            }
        }
        startNext();
    }

    private void startNext() {
        if (running != null || runQueue.isEmpty()) {
            return;
        }
        CellViewModel vm = runQueue.poll();
        int index = cells.indexOf(vm);
        if (index < 0) {
            vm.runStateProperty().set(CellViewModel.RunState.IDLE);
            startNext();
            return;
        }
        PythonCell cell = (PythonCell) notebook.get().cells().get(index);
        running = vm;
        vm.runStateProperty().set(CellViewModel.RunState.RUNNING);
        vm.outputs().clear();
        vm.executionCountProperty().set(null);
        Instant started = Instant.now();
        tasks.whenDone(kernel.execute(cell.id(), cell.code(), new FxOutputSink(vm)),
                reply -> finished(vm, started, reply),
                error -> finished(vm, started, null));
    }

    private void finished(CellViewModel vm, Instant started, ExecutionReply reply) {
        // Runs on the FX thread after every output batch the sink queued there (FIFO).
        running = null;
        vm.runStateProperty().set(CellViewModel.RunState.IDLE);
        if (reply == null) {
            vm.append(List.of(new Output.Error("KernelError", "the kernel failed", List.of("The kernel failed; restart it."))));
        }
        Integer count = reply == null || reply.executionCount() == 0 ? null : reply.executionCount();
        vm.executionCountProperty().set(count);
        vm.lastRunTimeProperty().set(reply == null ? null : reply.duration());
        int index = cells.indexOf(vm);
        if (index >= 0) {
            Notebook nb = notebook.get().setOutputs(vm.id(), List.copyOf(vm.outputs()), count);
            CellInfo info = nb.metadata().cell(vm.id());
            long millis = reply == null ? 0 : reply.duration().toMillis();
            nb = nb.withMetadata(nb.metadata().withCell(vm.id(), info.withTiming(started, millis)));
            changeNotebook(nb);
            vm.update(nb.cells().get(index));
            List<Output> outputs = List.copyOf(vm.outputs());
            pageListeners.forEach(l -> l.outputsChanged(vm.id(), outputs));
        }
        if (reply == null || reply.status() != ExecutionReply.Status.OK) {
            cancelQueue();
        }
        startNext();
    }

    private void cancelQueue() {
        runQueue.forEach(q -> q.runStateProperty().set(CellViewModel.RunState.IDLE));
        runQueue.clear();
    }

    public void interrupt() {
        cancelQueue();
        kernel.interrupt();
    }

    public void restart(Runnable then) {
        cancelQueue();
        kernelStatus.set(KernelStatus.STARTING);
        tasks.whenDone(kernel.restart(), ignored -> {
            if (then != null) {
                then.run();
            }
        });
    }

    /** Restart into the numpy/matplotlib venv built after this notebook's kernel started. */
    public void restartWithVenv(java.nio.file.Path venv) {
        cancelQueue();
        kernelStatus.set(KernelStatus.STARTING);
        tasks.whenDone(kernel.restartWithVenv(venv), ignored -> { }, error -> kernelStatus.set(KernelStatus.DEAD));
    }

    public void restartAndRunAll() {
        restart(this::runAll);
    }

    public void clearAllOutputs() {
        changeNotebook(notebook.get().clearAllOutputs());
        syncing = true;
        try {
            for (int i = 0; i < cells.size(); i++) {
                CellViewModel vm = cells.get(i);
                if (vm.isPython() && vm != running) {
                    vm.outputs().clear();
                    vm.update(notebook.get().cells().get(i));
                }
            }
        } finally {
            syncing = false;
        }
        pageListeners.forEach(PageListener::pageChanged);
    }

    public boolean isRunning() {
        return running != null || !runQueue.isEmpty();
    }

    /** Stops the kernel for good (tab closed). */
    public void close() {
        cancelQueue();
        kernel.removeStatusListener(statusListener);
        tasks.run(() -> {
            kernel.close();
            return null;
        }, ignored -> { }, error -> { });
    }

    /**
     * Receives outputs on kernel threads and hands them to the FX thread in batches, so a cell
     * printing megabytes queues one FX task at a time, never thousands.
     */
    private static final class FxOutputSink implements OutputSink {
        private final CellViewModel cell;
        private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private static final Object CLEAR = new Object();

        FxOutputSink(CellViewModel cell) {
            this.cell = cell;
        }

        @Override
        public void accept(Output output) {
            pending.add(output);
            schedule();
        }

        @Override
        public void clear() {
            pending.add(CLEAR);
            schedule();
        }

        /** Shown after the outputs printed before it; gone once answered or withdrawn. */
        @Override
        public CompletableFuture<String> input(String prompt, boolean password) {
            InputQuestion question = new InputQuestion(prompt, password, new CompletableFuture<>());
            question.answer().whenComplete((answer, error) -> BackgroundTasks.onFx(() -> {
                if (cell.questionProperty().get() == question) {
                    cell.questionProperty().set(null);
                }
            }));
            pending.add(question);
            schedule();
            return question.answer();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                BackgroundTasks.onFx(this::drain);
            }
        }

        private void drain() {
            scheduled.set(false);
            List<Output> batch = new ArrayList<>();
            InputQuestion question = null;
            for (Object item; (item = pending.poll()) != null; ) {
                if (item == CLEAR) {
                    batch.clear();
                    cell.outputs().clear();
                } else if (item instanceof InputQuestion asked) {
                    question = asked;
                } else {
                    batch.add((Output) item);
                }
            }
            cell.append(batch);
            if (question != null && !question.answer().isDone()) {
                cell.questionProperty().set(question);
            }
        }
    }
}
