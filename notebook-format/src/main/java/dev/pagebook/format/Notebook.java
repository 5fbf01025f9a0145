package dev.pagebook.format;

import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellInfo;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.NotebookMetadata;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.model.PythonCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable notebook: the page around the cells, the cells, metadata and PyScript config.
 *
 * <p>Every editing operation returns a new notebook; parts the edit did not touch are written
 * back byte for byte by {@link NotebookWriter} (see docs/format.md). Cell indexes count all cells,
 * HTML and Python.
 */
public final class Notebook {

    private final List<Cell> cells;
    private final NotebookMetadata metadata;
    private final PyScriptConfig config;
    private final SourceFrame frame;
    private final Map<String, CellOrigin> origins;

    Notebook(List<Cell> cells, NotebookMetadata metadata, PyScriptConfig config, SourceFrame frame,
             Map<String, CellOrigin> origins) {
        this.cells = List.copyOf(cells);
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.config = Objects.requireNonNull(config, "config");
        this.frame = frame;
        this.origins = origins;
        Set<String> seen = new HashSet<>();
        for (Cell cell : this.cells) {
            if (cell instanceof PythonCell p && !seen.add(p.id())) {
                throw new IllegalArgumentException("duplicate cell id '" + p.id() + "'");
            }
        }
    }

    /** A new, empty page: a minimal HTML5 skeleton with no cells. */
    public static Notebook empty() {
        return new Notebook(List.of(), NotebookMetadata.EMPTY, PyScriptConfig.NONE, SourceFrame.blank(), Map.of());
    }

    /**
     * A new PyScript page titled {@code title} (HTML-escaped here) that loads the pinned PyScript
     * release, holding the given cells.
     */
    public static Notebook newPage(String title, List<Cell> cells, NotebookMetadata metadata) {
        return new Notebook(cells, metadata, PyScriptConfig.NONE, SourceFrame.page(title), Map.of());
    }

    /** A new page (minimal HTML5 skeleton, no PyScript loader) holding the given cells. */
    public static Notebook of(List<Cell> cells, NotebookMetadata metadata) {
        return new Notebook(cells, metadata, PyScriptConfig.NONE, SourceFrame.blank(), Map.of());
    }

    public List<Cell> cells() {
        return cells;
    }

    public NotebookMetadata metadata() {
        return metadata;
    }

    /** The PyScript config ({@link PyScriptConfig#NONE} when the page has none). */
    public PyScriptConfig config() {
        return config;
    }

    /** The line separator of the file as read ("\n" for new notebooks); used for generated text. */
    public String lineSeparator() {
        return frame.lineSeparator();
    }

    public List<PythonCell> pythonCells() {
        List<PythonCell> result = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell instanceof PythonCell p) {
                result.add(p);
            }
        }
        return result;
    }

    public Optional<PythonCell> pythonCell(String id) {
        int index = indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of((PythonCell) cells.get(index));
    }

    /** Index of the Python cell with this id, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof PythonCell p && p.id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** An id no Python cell and no element of the page uses. */
    public String newCellId() {
        Set<String> taken = new HashSet<>(frame.documentIds());
        taken.addAll(origins.keySet());
        for (PythonCell p : pythonCells()) {
            taken.add(p.id());
        }
        return CellIds.firstFree(taken, taken.size() + 1);
    }

    // ---- editing ------------------------------------------------------------------------------

    public Notebook insertCell(int index, Cell cell) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.add(index, Objects.requireNonNull(cell, "cell"));
        return withCells(copy);
    }

    /** Appends a new {@code <script type="py">} cell with a fresh id. */
    public Notebook appendPythonCell(String source) {
        return insertCell(cells.size(), PythonCell.of(newCellId(), source));
    }

    public Notebook deleteCell(int index) {
        List<Cell> copy = new ArrayList<>(cells);
        Cell removed = copy.remove(index);
        Notebook result = withCells(copy);
        if (removed instanceof PythonCell p && metadata.cells().containsKey(p.id())) {
            result = result.withMetadata(metadata.withCell(p.id(), null));
        }
        return result;
    }

    public Notebook moveCell(int from, int to) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.add(to, copy.remove(from));
        return withCells(copy);
    }

    public Notebook replaceCell(int index, Cell cell) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.set(index, Objects.requireNonNull(cell, "cell"));
        return withCells(copy);
    }

    public Notebook editSource(int index, String source) {
        Cell cell = cells.get(index);
        return replaceCell(index, switch (cell) {
            case PythonCell p -> p.withSource(source);
            case HtmlCell h -> new HtmlCell(source);
        });
    }

    /**
     * Splits a cell at a character offset of its source. A Python cell keeps its id for the first
     * half (outputs cleared: they no longer match the code); the second half gets a new id.
     */
    public Notebook splitCell(int index, int offset) {
        Cell cell = cells.get(index);
        String head = cell.source().substring(0, offset);
        String tail = cell.source().substring(offset);
        List<Cell> copy = new ArrayList<>(cells);
        switch (cell) {
            case PythonCell p -> {
                copy.set(index, p.withSource(head).withOutputs(List.of(), null));
                copy.add(index + 1, p.withId(newCellId()).withSource(tail).withOutputs(List.of(), null));
            }
            case HtmlCell h -> {
                copy.set(index, new HtmlCell(head));
                copy.add(index + 1, new HtmlCell(tail));
            }
        }
        return withCells(copy);
    }

    /**
     * Merges the cell at {@code index} with the next one (both must be of the same type). Python
     * sources are joined with a line separator; the merged cell keeps the first id, without outputs.
     */
    public Notebook mergeCells(int index) {
        Cell first = cells.get(index);
        Cell second = cells.get(index + 1);
        Cell merged;
        if (first instanceof PythonCell a && second instanceof PythonCell b) {
            String joiner = a.source().endsWith("\n") || a.source().isEmpty() ? "" : lineSeparator();
            merged = a.withSource(a.source() + joiner + b.source()).withOutputs(List.of(), null);
        } else if (first instanceof HtmlCell a && second instanceof HtmlCell b) {
            merged = new HtmlCell(a.source() + b.source());
        } else {
            throw new IllegalArgumentException("cannot merge a Python cell with an HTML cell");
        }
        List<Cell> copy = new ArrayList<>(cells);
        copy.set(index, merged);
        copy.remove(index + 1);
        Notebook result = withCells(copy);
        if (second instanceof PythonCell b && metadata.cells().containsKey(b.id())) {
            result = result.withMetadata(metadata.withCell(b.id(), null));
        }
        return result;
    }

    /** Turns a Python cell into an HTML cell with the same text, or an HTML cell into a new Python cell. */
    public Notebook changeCellType(int index) {
        Cell cell = cells.get(index);
        return switch (cell) {
            case PythonCell p -> {
                Notebook result = replaceCell(index, new HtmlCell(p.source()));
                yield metadata.cells().containsKey(p.id())
                        ? result.withMetadata(metadata.withCell(p.id(), null)) : result;
            }
            case HtmlCell h -> replaceCell(index, PythonCell.of(newCellId(), h.source()));
        };
    }

    /** Saves the outputs and execution count of a run of the Python cell {@code cellId}. */
    public Notebook setOutputs(String cellId, List<Output> outputs, Integer executionCount) {
        int index = requirePython(cellId);
        PythonCell cell = (PythonCell) cells.get(index);
        return replaceCell(index, cell.withOutputs(outputs, executionCount));
    }

    /** Removes the outputs and execution count of one cell (its timing too). */
    public Notebook clearOutputs(String cellId) {
        Notebook result = setOutputs(cellId, List.of(), null);
        CellInfo info = metadata.cell(cellId);
        if (info.started() != null || info.durationMillis() != null) {
            result = result.withMetadata(metadata.withCell(cellId, info.withTiming(null, null)));
        }
        return result;
    }

    public Notebook clearAllOutputs() {
        Notebook result = this;
        for (PythonCell p : pythonCells()) {
            result = result.clearOutputs(p.id());
        }
        return result;
    }

    public Notebook withMetadata(NotebookMetadata newMetadata) {
        return new Notebook(cells, newMetadata, config, frame, origins);
    }

    /**
     * Replaces the PyScript config. Supported when the page has no config, a {@code <py-config>}
     * in {@code <head>}, or inline JSON in a cell's {@code config} attribute.
     *
     * @throws IllegalStateException when the config lives elsewhere (an external file, or a
     *                               {@code <py-config>} in the body), with a message saying so
     */
    public Notebook withConfig(PyScriptConfig newConfig) {
        Objects.requireNonNull(newConfig, "newConfig");
        PyScriptConfig.Location location = frame.config().location();
        switch (location) {
            case NONE -> {
                return new Notebook(cells, metadata, withLocation(newConfig, PyScriptConfig.Location.PY_CONFIG_ELEMENT), frame, origins);
            }
            case PY_CONFIG_ELEMENT -> {
                if (frame.configElement() == null) {
                    throw new IllegalStateException("the page's <py-config> is in the body; move it into <head> to edit it");
                }
                return new Notebook(cells, metadata, withLocation(newConfig, location), frame, origins);
            }
            case CELL_ATTRIBUTE -> {
                int index = indexOf(frame.configCellId());
                PythonCell holder = (PythonCell) cells.get(index);
                PyScriptConfig placed = withLocation(newConfig, location);
                Map<String, String> attributes = new java.util.LinkedHashMap<>(holder.attributes());
                attributes.put("config", ConfigCodec.write(placed));
                Notebook result = replaceCell(index, holder.withAttributes(attributes));
                return new Notebook(result.cells, metadata, placed, frame, origins);
            }
            case EXTERNAL -> throw new IllegalStateException(
                    "the page's PyScript config is the external file " + frame.config().src() + "; edit that file instead");
            default -> throw new IllegalStateException(location.toString());
        }
    }

    private static PyScriptConfig withLocation(PyScriptConfig c, PyScriptConfig.Location location) {
        PyScriptConfig.Syntax syntax = location == PyScriptConfig.Location.CELL_ATTRIBUTE ? PyScriptConfig.Syntax.JSON : c.syntax();
        return new PyScriptConfig(c.packages(), c.files(), c.interpreter(), c.other(), location, syntax, null);
    }

    private int requirePython(String cellId) {
        int index = indexOf(cellId);
        if (index < 0) {
            throw new IllegalArgumentException("no Python cell with id '" + cellId + "'");
        }
        return index;
    }

    private Notebook withCells(List<Cell> newCells) {
        return new Notebook(newCells, metadata, config, frame, origins);
    }

    // ---- for the reader and writer ------------------------------------------------------------

    SourceFrame frame() {
        return frame;
    }

    CellOrigin origin(String cellId) {
        return origins.get(cellId);
    }

    static Map<String, CellOrigin> originsOf(List<CellOrigin> list) {
        Map<String, CellOrigin> map = new HashMap<>();
        for (CellOrigin o : list) {
            map.put(o.value().id(), o);
        }
        return Map.copyOf(map);
    }

    @Override
    public String toString() {
        return "Notebook[" + cells.size() + " cells, " + pythonCells().size() + " Python]";
    }
}
