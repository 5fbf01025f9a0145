package dev.pagebook.format.pyscript;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.OutputElement;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the kernel saved of a run's writes into the page (display_data outputs with metadata
 * {@code {"pagebook": {"target": ID}}}: a cell set {@code #ID}'s content through {@code document}
 * or {@code display(..., target=ID)}). The export puts each element's last saved content into the
 * element itself, so the exported page shows, at first paint, what the page looked like after the
 * run, and takes those outputs out of the cells' own output elements (where the notebook shows
 * them, and where the live page does not). The output data (JSON) keeps them.
 */
final class PageWrites {

    private PageWrites() {
    }

    static boolean isPageWrite(Output output) {
        return output instanceof Output.DisplayData d && target(d) != null;
    }

    static String target(Output.DisplayData output) {
        return output.metadata().get("pagebook") instanceof Map<?, ?> pagebook
                && pagebook.get("target") instanceof String id && !id.isEmpty() ? id : null;
    }

    static void apply(PageSplicer page, String html, String sourceName) {
        Notebook notebook;
        try {
            notebook = NotebookReader.read(html, sourceName);
        } catch (NotebookFormatException | RuntimeException notANotebook) {
            return; // not a page Pagebook can read as a notebook: nothing saved to apply
        }
        Document document = page.document();
        Map<String, String> latest = new LinkedHashMap<>();
        for (PythonCell cell : notebook.pythonCells()) {
            for (Output output : cell.outputs()) {
                if (output instanceof Output.DisplayData d && target(d) != null && d.data().containsKey("text/html")) {
                    write(document, latest, target(d), d.data().get("text/html"));
                }
            }
            hideInOutputElement(page, document, cell);
        }
        latest.forEach((id, content) -> {
            Element element = document.getElementById(id);
            if (element != null) {
                page.replaceInner(element, content);
            }
        });
    }

    /** Records {@code #id}'s new content; a later write inside an earlier written element goes into that content. */
    private static void write(Document document, Map<String, String> latest, String id, String content) {
        Element element = document.getElementById(id);
        if (element == null || !writable(element)) {
            return;
        }
        for (Map.Entry<String, String> earlier : new ArrayList<>(latest.entrySet())) {
            Element other = document.getElementById(earlier.getKey());
            if (other != null && element.parents().contains(other)) {
                Document fragment = Jsoup.parseBodyFragment(earlier.getValue());
                fragment.outputSettings().prettyPrint(false);
                Element inner = fragment.getElementById(id);
                if (inner != null) {
                    inner.html(content);
                    earlier.setValue(fragment.body().html());
                }
                return;
            }
            if (other != null && other.parents().contains(element)) {
                latest.remove(earlier.getKey()); // the new content holds that element's latest state
            }
        }
        latest.remove(id);
        latest.put(id, content);
    }

    /** An element whose content can be replaced without touching cells, outputs or the runtime. */
    private static boolean writable(Element element) {
        if (element.tag().isSelfClosing() || element.tag().isEmpty()
                || List.of("html", "head", "body", "script", "style", "template", "title", "textarea").contains(element.normalName())) {
            return false;
        }
        if (!element.select("script, py-script, mpy-script, py-config, link, style, ." + OutputElement.CLASS).isEmpty()) {
            return false;
        }
        return element.parents().stream().noneMatch(parent -> parent.hasClass(OutputElement.CLASS)
                || List.of("head", "template", "py-script", "mpy-script").contains(parent.normalName()));
    }

    /** Takes the rendered copies of page writes out of the cell's output element (one child per output). */
    private static void hideInOutputElement(PageSplicer page, Document document, PythonCell cell) {
        List<Output> outputs = cell.outputs();
        if (outputs.stream().noneMatch(PageWrites::isPageWrite)) {
            return;
        }
        Element target = document.getElementById(OutputElement.idFor(cell.id()));
        if (target == null || !target.hasClass(OutputElement.CLASS)) {
            return;
        }
        List<Element> shown = target.children().stream()
                .filter(child -> !(child.normalName().equals("script") && child.hasClass(OutputElement.DATA_CLASS)))
                .toList();
        if (shown.size() != outputs.size()) {
            return; // not the writer's one element per output: leave it as it is
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (isPageWrite(outputs.get(i))) {
                page.removeLine(shown.get(i));
            }
        }
    }
}
