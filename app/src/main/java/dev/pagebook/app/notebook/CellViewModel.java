package dev.pagebook.app.notebook;

import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.format.model.SourceLayout;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One cell as the window shows it: its text, outputs of the last run and run state. */
public final class CellViewModel {

    /** Where the cell is in its run life cycle. */
    public enum RunState { IDLE, QUEUED, RUNNING }

    private final boolean python;
    private final String id;
    private final StringProperty source = new SimpleStringProperty("");
    private final ObservableList<Output> outputs = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> executionCount = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> lastRunTime = new SimpleObjectProperty<>();
    private final ObjectProperty<RunState> runState = new SimpleObjectProperty<>(RunState.IDLE);
    private final BooleanProperty editing = new SimpleBooleanProperty();
    private final ObjectProperty<InputQuestion> question = new SimpleObjectProperty<>();
    private Cell cell;
    private SourceLayout layout;

    CellViewModel(Cell cell) {
        this.python = cell instanceof PythonCell;
        this.id = cell instanceof PythonCell p ? p.id() : null;
        update(cell);
    }

    /** Takes the model's values; changes only what differs, so editors keep caret and undo. */
    void update(Cell newCell) {
        this.cell = newCell;
        // The layout is worked out again only for text from elsewhere (open, undo, replace): one
        // the editor typed keeps its layout, so a blank line typed at the top stays in the editor.
        if (layout == null || !layout.join(source.get()).equals(newCell.source())) {
            layout = SourceLayout.of(newCell);
            if (!source.get().equals(layout.body())) {
                source.set(layout.body());
            }
        }
        if (newCell instanceof PythonCell p) {
            if (runState.get() == RunState.IDLE && !outputs.equals(p.outputs())) {
                outputs.setAll(p.outputs());
            }
            executionCount.set(p.executionCount());
        }
    }

    boolean matches(Cell other) {
        return switch (other) {
            case PythonCell p -> python && id.equals(p.id());
            case HtmlCell h -> !python && cell.source().equals(h.source());
        };
    }

    public Cell cell() {
        return cell;
    }

    public boolean isPython() {
        return python;
    }

    /** The Python cell's id; null for HTML cells. */
    public String id() {
        return id;
    }

    /** The text the editor shows: the cell's source without the page's layout around it ({@link SourceLayout}). */
    public StringProperty sourceProperty() {
        return source;
    }

    /** The cell's whole source with {@code editorText} in place of the editor's text. */
    String sourceWith(String editorText) {
        return layout.join(editorText);
    }

    /** Where the editor's text starts in the cell's source. */
    int editorOffset() {
        return layout.lead().length();
    }

    public ObservableList<Output> outputs() {
        return outputs;
    }

    public ObjectProperty<Integer> executionCountProperty() {
        return executionCount;
    }

    public ObjectProperty<Duration> lastRunTimeProperty() {
        return lastRunTime;
    }

    public ObjectProperty<RunState> runStateProperty() {
        return runState;
    }

    /** What the running cell's input() asks, while it waits for an answer; null otherwise. */
    public ObjectProperty<InputQuestion> questionProperty() {
        return question;
    }

    /** An HTML cell shows its source while edited and its rendering otherwise. */
    public BooleanProperty editingProperty() {
        return editing;
    }

    /** Adds streamed outputs, merging consecutive text of one stream as Jupyter does. */
    void append(List<Output> more) {
        for (Output output : more) {
            int last = outputs.size() - 1;
            if (output instanceof Output.Stream s && last >= 0 && outputs.get(last) instanceof Output.Stream prev
                    && prev.name().equals(s.name())) {
                outputs.set(last, new Output.Stream(s.name(), prev.text() + s.text()));
            } else {
                outputs.add(output);
            }
        }
    }

    @Override
    public String toString() {
        return python ? "Python cell " + id : "HTML cell";
    }
}
