package dev.pagebook.format;

import dev.pagebook.format.json.Json;
import dev.pagebook.format.json.OutputJson;
import dev.pagebook.format.model.Output;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * The element that holds a cell's saved outputs (docs/format.md, "Output element"): real HTML a
 * browser shows without Python, plus the exact nbformat outputs as JSON for the reader.
 */
public final class OutputElement {
    private OutputElement() {
    }

    /** Class of the output element. */
    public static final String CLASS = "pagebook-output";
    /** Class of the {@code <script type="application/json">} holding the nbformat outputs. */
    public static final String DATA_CLASS = "pagebook-output-data";
    /** The output element's id is the cell id plus this suffix; it is also the cell's {@code target}. */
    public static final String ID_SUFFIX = "-output";
    /** Id of the page metadata element. */
    public static final String METADATA_ID = "pagebook-metadata";

    /** MIME types in the order a browser rendering prefers them (as Jupyter does). */
    private static final List<String> PREFERENCE = List.of("text/html", "image/svg+xml", "image/png", "image/jpeg",
            "image/gif", "text/markdown", "application/json", "text/plain");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().build();

    /** The output element's id for a cell. */
    public static String idFor(String cellId) {
        return cellId + ID_SUFFIX;
    }

    /** The whole output element for a cell's outputs (an empty element for no outputs). */
    public static String render(String cellId, List<Output> outputs, String lineSeparator) {
        StringBuilder sb = new StringBuilder();
        sb.append("<div id=\"").append(Entities.escape(idFor(cellId))).append("\" class=\"").append(CLASS).append("\">");
        if (outputs.isEmpty()) {
            return sb.append("</div>").toString();
        }
        sb.append(lineSeparator);
        sb.append("<script type=\"application/json\" class=\"").append(DATA_CLASS).append("\">")
                .append(Json.compact(OutputJson.toJson(outputs, OutputJson.Lines.JOINED)))
                .append("</script>").append(lineSeparator);
        for (Output output : outputs) {
            sb.append(renderOne(output)).append(lineSeparator);
        }
        return sb.append("</div>").toString();
    }

    /** One output as display HTML (no embedded data). */
    public static String renderOne(Output output) {
        return switch (output) {
            case Output.Stream s -> "<pre class=\"pagebook-stream pagebook-" + s.name() + "\">" + preText(s.text()) + "</pre>";
            case Output.DisplayData d -> renderBundle(d.data());
            case Output.ExecuteResult r -> renderBundle(r.data());
            case Output.Error e -> {
                String text = e.traceback().isEmpty() ? e.ename() + ": " + e.evalue() : String.join("\n", e.traceback());
                yield "<pre class=\"pagebook-error\">" + preText(ANSI.matcher(text).replaceAll("")) + "</pre>";
            }
        };
    }

    private static String renderBundle(Map<String, String> data) {
        String mime = PREFERENCE.stream().filter(data::containsKey).findFirst().orElse(data.keySet().iterator().next());
        String value = data.get(mime);
        return switch (mime) {
            case "text/html", "image/svg+xml" -> "<div class=\"pagebook-display\">" + balanced(value) + "</div>";
            case "image/png", "image/jpeg", "image/gif" -> "<img class=\"pagebook-display\" alt=\"output\" src=\"data:"
                    + mime + ";base64," + value.replaceAll("\\s", "") + "\">";
            case "text/markdown" -> "<div class=\"pagebook-display\">" + balanced(markdownHtml(value)) + "</div>";
            default -> "<pre class=\"pagebook-display\">" + preText(value) + "</pre>";
        };
    }

    /** A {@code text/markdown} output as HTML (CommonMark), as the page shows it. */
    public static String markdownHtml(String markdown) {
        return MARKDOWN_HTML.render(MARKDOWN.parse(markdown));
    }

    /**
     * HTML from a cell's output, re-serialised by jsoup so that stray end tags in it cannot close
     * the output element early.
     */
    private static String balanced(String html) {
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.outputSettings().prettyPrint(false);
        return fragment.body().html();
    }

    /** Escaped text for {@code <pre>}; HTML drops a newline right after {@code <pre>}, so one is doubled. */
    private static String preText(String text) {
        String escaped = Entities.escape(text);
        return escaped.startsWith("\n") ? "\n" + escaped : escaped;
    }
}
