package dev.pagebook.format.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Python cell.
 *
 * @param id             stable id (the element's {@code id}; assigned by the reader when absent)
 * @param source         exact text between the tags (no dedent, no newline normalisation;
 *                       entities already decoded for the custom-element forms)
 * @param form           how the cell is written in the page
 * @param attributes     the element's other attributes in source order ({@code type}, {@code id}
 *                       and the Pagebook-managed {@code target} excluded); boolean attributes map to ""
 * @param outputs        outputs of the last run (nbformat 4), empty if none saved
 * @param executionCount execution count of the last run, null if never run
 */
public record PythonCell(String id, String source, CellForm form, Map<String, String> attributes,
                         List<Output> outputs, Integer executionCount) implements Cell {

    public PythonCell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(form, "form");
        if (id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("cell id must be non-empty without whitespace: '" + id + "'");
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** A new {@code <script type="py">} cell without outputs. */
    public static PythonCell of(String id, String source) {
        return new PythonCell(id, source, CellForm.SCRIPT_PY, Map.of(), List.of(), null);
    }

    public PythonCell withSource(String newSource) {
        return new PythonCell(id, newSource, form, attributes, outputs, executionCount);
    }

    public PythonCell withOutputs(List<Output> newOutputs, Integer newExecutionCount) {
        return new PythonCell(id, source, form, attributes, newOutputs, newExecutionCount);
    }

    public PythonCell withId(String newId) {
        return new PythonCell(newId, source, form, attributes, outputs, executionCount);
    }

    public PythonCell withForm(CellForm newForm) {
        return new PythonCell(id, source, newForm, attributes, outputs, executionCount);
    }

    public PythonCell withAttributes(Map<String, String> newAttributes) {
        return new PythonCell(id, source, form, newAttributes, outputs, executionCount);
    }

    /** The source ready to execute: common leading indentation removed, as PyScript does. */
    public String code() {
        return Dedent.dedent(source);
    }
}
