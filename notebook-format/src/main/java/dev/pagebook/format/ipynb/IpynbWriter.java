package dev.pagebook.format.ipynb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.json.OutputJson;
import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.PythonCell;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Exports a notebook as nbformat 4.5 JSON. Python cells become code cells (source, outputs,
 * execution count, .ipynb metadata); imported markdown/raw cells come back from their embedded
 * cell JSON; any other HTML becomes a markdown cell holding that HTML (Markdown allows raw HTML).
 */
public final class IpynbWriter {
    private IpynbWriter() {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern INVALID_ID_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    public static String write(Notebook notebook) {
        ObjectNode root = toJson(notebook);
        // Laid out as Jupyter writes notebooks (one-space indent, "key": value, {} and []), so diffs stay small.
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toJson(Notebook notebook) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        Set<String> ids = new HashSet<>();
        for (Cell cell : notebook.cells()) {
            switch (cell) {
                case PythonCell p -> cells.add(codeCell(notebook, p, ids));
                case HtmlCell h -> htmlCells(h.source(), cells, ids);
            }
        }
        ObjectNode metadata = root.putObject("metadata");
        Map<String, Object> ipynb = notebook.metadata().ipynb();
        if (ipynb.isEmpty()) {
            ObjectNode kernelspec = metadata.putObject("kernelspec");
            kernelspec.put("display_name", "Python 3 (ipykernel)");
            kernelspec.put("language", "python");
            kernelspec.put("name", "python3");
            metadata.putObject("language_info").put("name", "python");
        } else {
            ipynb.forEach((k, v) -> metadata.set(k, MAPPER.valueToTree(v)));
        }
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return root;
    }

    private static ObjectNode codeCell(Notebook notebook, PythonCell cell, Set<String> ids) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cell_type", "code");
        if (cell.executionCount() == null) {
            node.putNull("execution_count");
        } else {
            node.put("execution_count", cell.executionCount());
        }
        node.put("id", uniqueId(cell.id(), ids));
        node.set("metadata", MAPPER.valueToTree(notebook.metadata().cell(cell.id()).ipynbMetadata()));
        node.set("outputs", OutputJson.toJson(cell.outputs(), OutputJson.Lines.SPLIT));
        node.set("source", OutputJson.text(ExportSource.of(cell), OutputJson.Lines.SPLIT));
        return node;
    }

    /** An HTML cell may hold several imported cells (wrappers) with plain HTML between them. */
    private static void htmlCells(String html, ArrayNode cells, Set<String> ids) {
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
        int pos = 0;
        for (Element wrapper : doc.select("div." + CellData.MARKDOWN_CLASS + ", div." + CellData.RAW_CLASS)) {
            Element data = wrapper.selectFirst("> script." + CellData.DATA_CLASS);
            Range start = wrapper.sourceRange();
            Range end = wrapper.endSourceRange();
            if (data == null || !start.isTracked() || !end.isTracked() || end.isImplicit() || start.startPos() < pos) {
                continue;
            }
            JsonNode cell;
            try {
                cell = MAPPER.readTree(data.data());
            } catch (JsonProcessingException e) {
                continue; // damaged by hand-editing: export the HTML as it is instead
            }
            if (!cell.isObject()) {
                continue;
            }
            plainHtml(html.substring(pos, start.startPos()), cells, ids);
            ObjectNode copy = ((ObjectNode) cell).deepCopy();
            copy.put("id", uniqueId(copy.path("id").asText("cell"), ids));
            copy.set("source", OutputJson.text(OutputJson.joined(cell.get("source")), OutputJson.Lines.SPLIT));
            if (!copy.has("metadata")) {
                copy.putObject("metadata");
            }
            cells.add(copy);
            pos = end.endPos();
        }
        plainHtml(html.substring(pos), cells, ids);
    }

    private static void plainHtml(String html, ArrayNode cells, Set<String> ids) {
        String trimmed = html.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cell_type", "markdown");
        node.put("id", uniqueId("html-" + (cells.size() + 1), ids));
        node.putObject("metadata");
        node.set("source", OutputJson.text(trimmed, OutputJson.Lines.SPLIT));
        cells.add(node);
    }

    /** nbformat 4.5 ids: 1-64 of [a-zA-Z0-9_-], unique in the notebook. */
    private static String uniqueId(String id, Set<String> ids) {
        String clean = INVALID_ID_CHARS.matcher(id).replaceAll("-");
        if (clean.isEmpty()) {
            clean = "cell";
        }
        if (clean.length() > 60) {
            clean = clean.substring(0, 60);
        }
        String candidate = clean;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = clean + "-" + n;
        }
        return candidate;
    }

}
