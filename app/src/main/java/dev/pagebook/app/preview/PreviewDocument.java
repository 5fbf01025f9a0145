package dev.pagebook.app.preview;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.OutputElement;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The notebook page as the preview shows it: the saved page (via the format writer) with the
 * PyScript loader removed, since the kernel, not the WebView, runs the Python; DOM changes cells
 * saved as "target" outputs placed into their elements; relative URLs resolved against the file.
 */
public final class PreviewDocument {

    private static final int SHOWN_STREAM_CHARS = 50_000;

    private PreviewDocument() {
    }

    /** {@code prefersDark}: answer the page's {@code prefers-color-scheme} queries "dark" ({@link ColorSchemeMedia}). */
    public static String html(Notebook notebook, Path file, String previewCss, boolean prefersDark) {
        Document doc = Jsoup.parse(NotebookWriter.write(notebook));
        doc.outputSettings().prettyPrint(false);
        doc.select("script[src]").stream()
                .filter(s -> s.attr("src").contains("pyscript") || s.attr("src").endsWith("/core.js"))
                .forEach(Element::remove);
        if (file != null && file.toAbsolutePath().getParent() != null) {
            doc.head().prependElement("base").attr("href", file.toAbsolutePath().getParent().toUri().toString());
        }
        if (prefersDark) {
            ColorSchemeMedia.preferDark(doc, file == null ? null : file.toAbsolutePath().getParent());
        }
        doc.head().appendElement("style").attr("id", "pagebook-preview-style").appendText(previewCss);
        // One pass over the page instead of a document search per cell: pages have 1000s of cells.
        Map<String, Element> byId = new HashMap<>();
        for (Element e : doc.select("[id]")) {
            byId.putIfAbsent(e.id(), e);
        }
        for (PythonCell cell : notebook.pythonCells()) {
            Element output = byId.get(OutputElement.idFor(cell.id()));
            if (output != null && !cell.outputs().isEmpty()) {
                output.html(outputsHtml(cell.outputs()));
            }
            for (Output o : cell.outputs()) {
                target(o).ifPresent(id -> {
                    Element element = byId.get(id);
                    if (element != null) {
                        element.html(((Output.DisplayData) o).data().get("text/html"));
                    }
                });
            }
        }
        return doc.outerHtml();
    }

    /**
     * The inner HTML of a cell's output element: every output except DOM changes of the page.
     * Very long streams show their tail only, so a cell printing megabytes cannot stall the page.
     */
    public static String outputsHtml(List<Output> outputs) {
        StringBuilder sb = new StringBuilder();
        for (Output o : outputs) {
            if (target(o).isEmpty()) {
                sb.append(OutputElement.renderOne(o instanceof Output.Stream s && s.text().length() > SHOWN_STREAM_CHARS
                        ? new Output.Stream(s.name(), "… " + (s.text().length() - SHOWN_STREAM_CHARS)
                                + " characters above not shown …\n" + s.text().substring(s.text().length() - SHOWN_STREAM_CHARS))
                        : o)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The page element a cell's DOM change output belongs to (docs/kernel.md, "How DOM changes are saved"). */
    public static Optional<String> target(Output output) {
        if (output instanceof Output.DisplayData d && d.metadata().get("pagebook") instanceof Map<?, ?> m
                && m.get("target") instanceof String id && d.data().containsKey("text/html")) {
            return Optional.of(id);
        }
        return Optional.empty();
    }
}
