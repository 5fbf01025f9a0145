package dev.pagebook.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.json.Json;
import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.model.PythonCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a notebook page. Every part the model did not change is copied from the text it was read
 * from, so an unchanged notebook is written back byte for byte (docs/format.md, "Writing").
 */
public final class NotebookWriter {
    private NotebookWriter() {
    }

    public static String write(Notebook notebook) {
        SourceFrame frame = notebook.frame();
        StringBuilder sb = new StringBuilder(frame.prologue().length() + frame.epilogue().length() + 4096);
        if (frame.bom()) {
            sb.append('\uFEFF');
        }
        int htmlStart = sb.length();
        sb.append(prologue(notebook));
        for (Cell cell : notebook.cells()) {
            switch (cell) {
                case HtmlCell html -> sb.append(html.source());
                case PythonCell python -> {
                    if (sb.length() > htmlStart) {
                        sb.append(CellBoundary.closerAfter(sb.substring(htmlStart)));
                    }
                    appendPython(sb, notebook, python);
                    htmlStart = sb.length();
                }
            }
        }
        return sb.append(frame.epilogue()).toString();
    }

    /** Writes the page to {@code file} atomically: a temporary file in the same folder, then a move. */
    public static void write(Notebook notebook, Path file) throws IOException {
        writeAtomically(file, write(notebook));
    }

    /** Replaces {@code file} with {@code text} (UTF-8) so readers never see a half-written file. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private record Edit(int start, int end, String text) {
    }

    private static String prologue(Notebook notebook) {
        SourceFrame frame = notebook.frame();
        String nl = frame.lineSeparator();
        List<Edit> edits = new ArrayList<>();
        ObjectNode tree = MetadataJson.toTree(notebook.metadata(), notebook.pythonCells());
        if (frame.metadataTree() != null) {
            if (!normalised(tree).equals(frame.metadataTree())) {
                edits.add(new Edit(frame.metadataContent().start(), frame.metadataContent().end(),
                        nl + Json.pretty(tree, nl) + nl));
            }
        } else if (!MetadataJson.isTrivial(tree)) {
            edits.add(new Edit(frame.headInsert(), frame.headInsert(), "<script type=\"application/json\" id=\""
                    + OutputElement.METADATA_ID + "\">" + nl + Json.pretty(tree, nl) + nl + "</script>" + nl));
        }
        PyScriptConfig config = notebook.config();
        if (!config.equals(frame.config())) {
            if (frame.configElement() != null && config.location() == PyScriptConfig.Location.PY_CONFIG_ELEMENT) {
                edits.add(new Edit(frame.configElement().start(), frame.configElement().end(), pyConfigElement(config, nl)));
            } else if (frame.config().location() == PyScriptConfig.Location.NONE
                    && config.location() == PyScriptConfig.Location.PY_CONFIG_ELEMENT) {
                edits.add(new Edit(frame.headInsert(), frame.headInsert(), pyConfigElement(config, nl) + nl));
            }
        }
        if (edits.isEmpty()) {
            return frame.prologue();
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Edit edit : edits) {
            sb.append(frame.prologue(), pos, edit.start()).append(edit.text());
            pos = edit.end();
        }
        return sb.append(frame.prologue(), pos, frame.prologue().length()).toString();
    }

    /** The tree as the reader would see it after a write (same number node types), for comparison. */
    private static JsonNode normalised(ObjectNode tree) {
        try {
            return Json.parse(Json.compact(tree));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code <py-config>} element holding {@code config} in its syntax (TOML unless JSON). */
    public static String pyConfigElement(PyScriptConfig config, String nl) {
        String body = ConfigCodec.write(config).replace("&", "&amp;").replace("<", "&lt;");
        if (config.syntax() == PyScriptConfig.Syntax.JSON) {
            return "<py-config type=\"json\">" + body + "</py-config>";
        }
        return "<py-config>" + nl + body.replace("\n", nl) + "</py-config>";
    }

    private static void appendPython(StringBuilder sb, Notebook notebook, PythonCell cell) {
        CellOrigin o = notebook.origin(cell.id());
        if (o != null && o.value().equals(cell)) {
            sb.append(o.startTag()).append(o.content()).append(o.endTag()).append(o.gap());
            if (o.outputElement() != null) {
                sb.append(o.outputElement());
            }
            sb.append(o.trailing());
            return;
        }
        String nl = notebook.lineSeparator();
        boolean hadOutputElement = o != null && o.outputElement() != null;
        boolean outputElement = !cell.outputs().isEmpty() || hadOutputElement;
        boolean target = outputElement && !cell.attributes().containsKey("target");
        boolean id = o == null || o.idInFile() || outputElement || cell.executionCount() != null
                || notebook.metadata().cells().containsKey(cell.id());
        CellForm form = needsCustomElement(cell) ? cell.form().customElementForm() : cell.form();
        if (o != null && form == cell.form() && o.value().form() == cell.form()
                && o.value().attributes().equals(cell.attributes()) && o.idInFile() == id && o.targetInFile() == target) {
            sb.append(o.startTag())
                    .append(o.value().source().equals(cell.source()) ? o.content() : encode(cell.source(), form))
                    .append(o.endTag());
        } else {
            sb.append(startTag(form, id ? cell.id() : null, cell.attributes(), target ? OutputElement.idFor(cell.id()) : null))
                    .append(encode(cell.source(), form))
                    .append("</").append(form.tagName()).append('>');
        }
        if (outputElement) {
            sb.append(hadOutputElement ? o.gap() : nl);
            sb.append(hadOutputElement && o.value().outputs().equals(cell.outputs())
                    ? o.outputElement() : OutputElement.render(cell.id(), cell.outputs(), nl));
        }
        sb.append(o != null ? o.trailing() : nl);
    }

    /**
     * HTML ends a script at the first {@code </script}, and {@code <!--} can make it skip one; such
     * code is written as a custom element with its text entity-escaped (docs/format.md). So is code
     * that jsoup, which reads pages back, would not end where a browser does ({@code x</a} right
     * before {@code </script>} runs on past it in jsoup 1.21).
     */
    static boolean needsCustomElement(PythonCell cell) {
        if (cell.form().isCustomElement()) {
            return false;
        }
        String lower = cell.source().toLowerCase(Locale.ROOT);
        return lower.contains("</script") || lower.contains("<!--")
                || lower.contains("</") && !CellBoundary.scriptKeeps(cell.source());
    }

    private static String encode(String source, CellForm form) {
        if (!form.isCustomElement()) {
            return source;
        }
        return source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String startTag(CellForm form, String id, Map<String, String> attributes, String target) {
        StringBuilder sb = new StringBuilder("<").append(form.tagName());
        if (form.type() != null) {
            sb.append(" type=\"").append(form.type()).append('"');
        }
        if (id != null) {
            attribute(sb, "id", id);
        }
        attributes.forEach((k, v) -> attribute(sb, k, v));
        if (target != null) {
            attribute(sb, "target", target);
        }
        return sb.append('>').toString();
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name);
        if (!value.isEmpty()) {
            sb.append("=\"").append(value.replace("&", "&amp;").replace("\"", "&quot;")).append('"');
        }
    }
}
