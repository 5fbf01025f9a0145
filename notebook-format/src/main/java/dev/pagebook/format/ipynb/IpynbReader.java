package dev.pagebook.format.ipynb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.PageText;
import dev.pagebook.format.json.Json;
import dev.pagebook.format.json.OutputJson;
import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.CellInfo;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.NotebookMetadata;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Imports a Jupyter notebook (nbformat 4.0-4.5) as a Pagebook page: code cells become
 * {@code <script type="py">} cells with their outputs and counts, markdown cells are rendered to
 * HTML (commonmark-java, GFM tables) and raw cells shown as text, both wrapped with their exact
 * cell JSON so {@link IpynbWriter} gives them back.
 */
public final class IpynbReader {
    private IpynbReader() {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern NBFORMAT_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    public static Notebook read(Path file) throws NotebookFormatException {
        String name = file.toString();
        String text = PageText.decode(PageText.readBytes(file), name).text();
        String title = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
        return read(text, name, title);
    }

    /** @param title the page title (usually the file name without extension) */
    public static Notebook read(String json, String name, String title) throws NotebookFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotebookFormatException(name + ": not valid JSON: " + Json.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new NotebookFormatException(name + ": not a Jupyter notebook (the top level is not a JSON object)");
        }
        if (!root.has("nbformat") || !root.get("nbformat").isInt()) {
            throw new NotebookFormatException(name + ": not a Jupyter notebook (no integer 'nbformat' field)");
        }
        int major = root.get("nbformat").asInt();
        int minor = root.path("nbformat_minor").asInt(0);
        if (major != 4) {
            throw new NotebookFormatException(name + ": unsupported nbformat version " + major + "." + minor
                    + " (Pagebook reads nbformat 4.0-4.5; convert it with 'jupyter nbconvert --to notebook')");
        }
        JsonNode cellsNode = root.get("cells");
        if (cellsNode == null || !cellsNode.isArray()) {
            throw new NotebookFormatException(name + ": not a Jupyter notebook ('cells' is missing or not a list)");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : cellsNode) {
            String id = cell.path("id").asText(null);
            if (id != null && !ids.add(id)) {
                throw new NotebookFormatException(name + ": duplicate cell id '" + id + "'");
            }
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, CellInfo> infos = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode cell : cellsNode) {
            index++;
            try {
                if (!cell.isObject()) {
                    throw new IllegalArgumentException("a cell must be a JSON object");
                }
                String id = cellId(cell, index, ids);
                String type = cell.path("cell_type").asText("");
                switch (type) {
                    case "code" -> {
                        List<Output> outputs = OutputJson.listFromJson(cell.get("outputs"));
                        JsonNode count = cell.get("execution_count");
                        Integer executionCount = count == null || count.isNull() ? null : count.asInt();
                        cells.add(new PythonCell(id, ExportSource.toPage(OutputJson.joined(cell.get("source"))),
                                CellForm.SCRIPT_PY, Map.of(), outputs, executionCount));
                        Map<String, Object> metadata = map(cell.get("metadata"));
                        if (!metadata.isEmpty()) {
                            infos.put(id, new CellInfo(null, null, metadata));
                        }
                    }
                    case "markdown" -> cells.add(new HtmlCell(markdownCell((ObjectNode) cell, id)));
                    case "raw" -> cells.add(new HtmlCell(rawCell((ObjectNode) cell, id)));
                    default -> throw new IllegalArgumentException("unknown cell_type '" + type + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new NotebookFormatException(name + ": cell " + index + ": " + e.getMessage());
            }
        }
        Map<String, Object> notebookMetadata;
        try {
            notebookMetadata = map(root.get("metadata"));
        } catch (IllegalArgumentException e) {
            throw new NotebookFormatException(name + ": notebook " + e.getMessage());
        }
        NotebookMetadata metadata = new NotebookMetadata(NotebookMetadata.CURRENT_FORMAT_VERSION, null, infos,
                notebookMetadata, Map.of());
        return Notebook.newPage(title, cells, metadata);
    }

    /** The cell's id (nbformat 4.5), or a new one for older notebooks and ids HTML cannot carry. */
    private static String cellId(JsonNode cell, int index, Set<String> ids) {
        String id = cell.path("id").asText("");
        if (NBFORMAT_ID.matcher(id).matches()) {
            return id;
        }
        for (int n = index; ; n++) {
            String candidate = "cell-" + n;
            if (ids.add(candidate)) {
                return candidate;
            }
        }
    }

    private static String markdownCell(ObjectNode cell, String id) {
        String source = OutputJson.joined(cell.get("source"));
        Document rendered = Jsoup.parseBodyFragment(HTML.render(MARKDOWN.parse(source)));
        rendered.outputSettings().prettyPrint(false);
        JsonNode attachments = cell.get("attachments");
        if (attachments != null && attachments.isObject()) {
            for (Element img : rendered.select("img[src^=attachment:]")) {
                JsonNode bundle = attachments.get(img.attr("src").substring("attachment:".length()));
                if (bundle != null && bundle.isObject() && !bundle.properties().isEmpty()) {
                    Map.Entry<String, JsonNode> first = bundle.properties().iterator().next();
                    img.attr("src", "data:" + first.getKey() + ";base64,"
                            + OutputJson.joined(first.getValue()).replaceAll("\\s", ""));
                }
            }
        }
        return wrapper(CellData.MARKDOWN_CLASS, cell, id, rendered.body().html());
    }

    private static String rawCell(ObjectNode cell, String id) {
        String source = OutputJson.joined(cell.get("source"));
        return wrapper(CellData.RAW_CLASS, cell, id, "<pre>" + (source.startsWith("\n") ? "\n" : "")
                + Entities.escape(source) + "</pre>");
    }

    private static String wrapper(String cssClass, ObjectNode cell, String id, String html) {
        ObjectNode data = cell.deepCopy();
        data.put("id", id);
        data.put("source", OutputJson.joined(cell.get("source")));
        return "<div class=\"" + cssClass + "\">\n<script type=\"application/json\" class=\"" + CellData.DATA_CLASS
                + "\">" + Json.compact(data) + "</script>\n" + html + "\n</div>\n";
    }

    private static Map<String, Object> map(JsonNode node) {
        return OutputJson.map(node);
    }
}
