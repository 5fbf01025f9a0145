package dev.pagebook.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pagebook.format.json.Json;
import dev.pagebook.format.json.OutputJson;
import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.NotebookMetadata;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Reads a notebook page (docs/format.md). jsoup with position tracking finds the Python cells,
 * their output elements and the metadata/config elements; the text between them is kept as is.
 */
public final class NotebookReader {
    private NotebookReader() {
    }

    /** Reads a notebook file; the external PyScript config file it names, if any, is read too. */
    public static Notebook read(Path file) throws NotebookFormatException {
        byte[] bytes = PageText.readBytes(file);
        Path dir = file.toAbsolutePath().getParent();
        return read(bytes, file.toString(), dir);
    }

    /** Reads page text (no byte order mark); {@code name} is used in error messages. */
    public static Notebook read(String html, String name) throws NotebookFormatException {
        boolean bom = html.startsWith("\uFEFF");
        return new Parse(bom ? html.substring(1) : html, bom, name, null).run();
    }

    public static Notebook read(String html) throws NotebookFormatException {
        return read(html, "<page>");
    }

    /** Reads page bytes (strict UTF-8, optional BOM). {@code baseDir} resolves an external config; may be null. */
    public static Notebook read(byte[] bytes, String name, Path baseDir) throws NotebookFormatException {
        PageText.Decoded decoded = PageText.decode(bytes, name);
        return new Parse(decoded.text(), decoded.bom(), name, baseDir).run();
    }

    /** Whether an element is a Python cell in PyScript's sense. */
    static CellForm formOf(Element e) {
        switch (e.normalName()) {
            case "script" -> {
                if (!e.hasAttr("type")) {
                    return null;
                }
                String type = e.attr("type").strip().toLowerCase(Locale.ROOT);
                return type.equals("py") ? CellForm.SCRIPT_PY : type.equals("mpy") ? CellForm.SCRIPT_MPY : null;
            }
            case "py-script" -> {
                return CellForm.PY_SCRIPT;
            }
            case "mpy-script" -> {
                return CellForm.MPY_SCRIPT;
            }
            default -> {
                return null;
            }
        }
    }

    /** One Python cell as located in the text, before ids are settled. */
    private static final class Located {
        Element element;
        CellForm form;
        int start;
        int startTagEnd;
        int closeStart;
        int closeEnd;
        int outputStart = -1;
        int end;
        String id;
        boolean idInFile;
        List<Output> outputs = List.of();
        StringBuilder trailing = new StringBuilder();
    }

    private static final class Parse {
        private final String text;
        private final boolean bom;
        private final String name;
        private final Path baseDir;
        private Document doc;
        private final Map<Integer, Element> elementsByStart = new HashMap<>();
        // Collected in the one walk over the tree: jsoup's per-query traversals dominate reading time.
        private final List<Element> metadataElements = new ArrayList<>();
        private final List<Element> configElements = new ArrayList<>();
        private Element htmlElement;

        Parse(String text, boolean bom, String name, Path baseDir) {
            this.text = text;
            this.bom = bom;
            this.name = name;
            this.baseDir = baseDir;
        }

        Notebook run() throws NotebookFormatException {
            String trimmed = text.stripLeading();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                throw fail("looks like JSON, not an HTML page (import .ipynb files with 'pagebook import')");
            }
            doc = Parser.htmlParser().setTrackPosition(true).parseInput(text, "");
            Set<String> documentIds = new HashSet<>();
            List<Element> candidates = new ArrayList<>();
            List<Element> elements = new ArrayList<>();
            // A plain depth-first walk: much cheaper than jsoup's iterator-based getAllElements().
            doc.traverse((node, depth) -> {
                if (node instanceof Element element) {
                    elements.add(element);
                }
            });
            for (Element e : elements) {
                Range range = e.sourceRange();
                if (range.isTracked() && !range.isImplicit()) {
                    elementsByStart.putIfAbsent(range.startPos(), e);
                }
                if (e.hasAttr("id")) {
                    String id = e.attr("id");
                    documentIds.add(id);
                    if (id.equals(OutputElement.METADATA_ID)) {
                        metadataElements.add(e);
                    }
                }
                switch (e.normalName()) {
                    case "py-config" -> configElements.add(e);
                    case "html" -> htmlElement = htmlElement == null ? e : htmlElement;
                    default -> { }
                }
                if (formOf(e) != null && range.isTracked() && !insideTemplate(e)) {
                    candidates.add(e);
                }
            }
            candidates.sort(Comparator.comparingInt(e -> e.sourceRange().startPos()));
            List<Located> located = locateCells(candidates);
            settleIds(located, documentIds);

            int firstStart = located.isEmpty() ? text.length() : located.get(0).start;
            Prologue bounds = prologue(firstStart);
            int prologueEnd = bounds.end();
            int lastEnd = located.isEmpty() ? prologueEnd : located.get(located.size() - 1).end;
            int epilogueStart = Math.max(Math.max(epilogueStart(), lastEnd), prologueEnd);

            StringBuilder prologue = new StringBuilder(text.substring(0, prologueEnd));
            List<Object> segments = new ArrayList<>();
            int pos = prologueEnd;
            for (Located cell : located) {
                addGap(text.substring(pos, cell.start), prologue, segments);
                segments.add(cell);
                pos = cell.end;
            }
            addGap(text.substring(pos, epilogueStart), prologue, segments);
            String prologueText = prologue.toString();

            MetaFoundView meta = readMetadata(prologueText.length());
            ConfigFound config = readConfig(prologueText.length(), located);

            List<Cell> cells = new ArrayList<>();
            List<CellOrigin> origins = new ArrayList<>();
            for (Object segment : segments) {
                if (segment instanceof HtmlCell html) {
                    cells.add(html);
                } else {
                    Located l = (Located) segment;
                    CellOrigin origin = origin(l, meta.executionCounts().get(l.id));
                    cells.add(origin.value());
                    origins.add(origin);
                }
            }
            SourceFrame frame = new SourceFrame(prologueText, text.substring(epilogueStart), bom, lineSeparator(text),
                    meta.contentSpan(), meta.tree(), bounds.headInsert(), config.elementSpan(), config.config(), config.cellId(),
                    Set.copyOf(documentIds));
            return new Notebook(cells, meta.parsed().metadata(), config.config(), frame, Notebook.originsOf(origins));
        }

        private void addGap(String gap, StringBuilder prologue, List<Object> segments) {
            if (gap.isEmpty()) {
                return;
            }
            if (!gap.isBlank()) {
                // Leading whitespace up to the first line break ends the previous segment's line.
                int firstBreak = gap.indexOf('\n');
                int split = firstBreak >= 0 && gap.substring(0, firstBreak).isBlank() && !segments.isEmpty()
                        && segments.get(segments.size() - 1) instanceof Located ? firstBreak + 1 : 0;
                if (split > 0) {
                    addGap(gap.substring(0, split), prologue, segments);
                }
                segments.add(new HtmlCell(gap.substring(split)));
            } else if (!segments.isEmpty() && segments.get(segments.size() - 1) instanceof Located previous) {
                previous.trailing.append(gap);
            } else if (segments.isEmpty()) {
                prologue.append(gap);
            } else {
                // Whitespace after an HTML cell belongs to that cell's text.
                HtmlCell previous = (HtmlCell) segments.remove(segments.size() - 1);
                segments.add(new HtmlCell(previous.source() + gap));
            }
        }

        private List<Located> locateCells(List<Element> candidates) throws NotebookFormatException {
            List<Located> located = new ArrayList<>();
            int covered = 0;
            for (Element e : candidates) {
                int start = e.sourceRange().startPos();
                if (start < covered) {
                    continue; // inside a <py-script> or an output element: text of that segment
                }
                Located l = new Located();
                l.element = e;
                l.form = formOf(e);
                l.start = start;
                l.startTagEnd = e.sourceRange().endPos();
                if (l.form.isCustomElement()) {
                    l.closeStart = findEndTag(l.form.tagName(), l.startTagEnd);
                    if (l.closeStart < 0) {
                        throw fail(line(e) + ": <" + l.form.tagName() + "> is never closed (no </" + l.form.tagName() + ">)");
                    }
                    l.closeEnd = text.indexOf('>', l.closeStart) + 1;
                } else {
                    Range end = e.endSourceRange();
                    if (!end.isTracked() || end.isImplicit() || end.endPos() <= l.startTagEnd) {
                        throw fail(line(e) + ": <script type=\"" + l.form.type() + "\"> is never closed (no </script>)");
                    }
                    l.closeEnd = end.endPos();
                    l.closeStart = text.lastIndexOf("</", l.closeEnd - 2);
                }
                int next = l.closeEnd;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                Element output = elementsByStart.get(next);
                l.end = l.closeEnd;
                if (output != null && output.normalName().equals("div") && output.hasClass(OutputElement.CLASS)) {
                    Range outEnd = output.endSourceRange();
                    if (!outEnd.isTracked() || outEnd.isImplicit()) {
                        throw fail(line(output) + ": the output element after the cell is never closed (no </div>)");
                    }
                    l.outputStart = next;
                    l.end = outEnd.endPos();
                    l.outputs = readOutputs(output);
                }
                covered = l.end;
                located.add(l);
            }
            return located;
        }

        private List<Output> readOutputs(Element output) throws NotebookFormatException {
            for (Element child : output.children()) {
                if (child.normalName().equals("script") && child.hasClass(OutputElement.DATA_CLASS)) {
                    try {
                        return OutputJson.listFromJson(Json.parse(child.data()));
                    } catch (JsonProcessingException e) {
                        throw fail(line(child) + ": invalid output data JSON: " + Json.describe(e));
                    } catch (IllegalArgumentException e) {
                        throw fail(line(child) + ": invalid output data: " + e.getMessage());
                    }
                }
            }
            return List.of();
        }

        private void settleIds(List<Located> located, Set<String> documentIds) throws NotebookFormatException {
            Map<String, Located> byId = new HashMap<>();
            for (Located l : located) {
                String id = l.element.attr("id").strip();
                if (!id.isEmpty()) {
                    l.idInFile = true;
                } else if (l.outputStart >= 0) {
                    String outId = elementsByStart.get(l.outputStart).attr("id");
                    if (outId.endsWith(OutputElement.ID_SUFFIX) && outId.length() > OutputElement.ID_SUFFIX.length()) {
                        id = outId.substring(0, outId.length() - OutputElement.ID_SUFFIX.length());
                    }
                }
                if (id.isEmpty()) {
                    continue;
                }
                if (id.chars().anyMatch(Character::isWhitespace)) {
                    throw fail(line(l.element) + ": cell id '" + id + "' contains whitespace");
                }
                Located other = byId.put(id, l);
                if (other != null) {
                    throw fail("duplicate cell id '" + id + "' (" + line(other.element) + " and " + line(l.element) + ")");
                }
                l.id = id;
            }
            Set<String> taken = new HashSet<>(documentIds);
            taken.addAll(byId.keySet());
            for (int i = 0; i < located.size(); i++) {
                Located l = located.get(i);
                if (l.id == null) {
                    l.id = CellIds.firstFree(taken, i + 1);
                    taken.add(l.id);
                }
            }
        }

        private CellOrigin origin(Located l, Integer executionCount) {
            String content = text.substring(l.startTagEnd, l.closeStart);
            String source = l.form.isCustomElement() ? Parser.unescapeEntities(content, false) : content;
            Map<String, String> attributes = new LinkedHashMap<>();
            boolean targetInFile = false;
            for (Attribute a : l.element.attributes()) {
                String key = a.getKey();
                if (key.equals("id") || (key.equals("type") && !l.form.isCustomElement())) {
                    continue;
                }
                if (key.equals("target") && a.getValue().equals(l.id + OutputElement.ID_SUFFIX)) {
                    targetInFile = true;
                    continue;
                }
                attributes.put(key, a.getValue());
            }
            PythonCell value = new PythonCell(l.id, source, l.form, attributes, l.outputs, executionCount);
            String gap = l.outputStart < 0 ? "" : text.substring(l.closeEnd, l.outputStart);
            String outputElement = l.outputStart < 0 ? null : text.substring(l.outputStart, l.end);
            return new CellOrigin(value, text.substring(l.start, l.startTagEnd), content,
                    text.substring(l.closeStart, l.closeEnd), gap, outputElement, l.trailing.toString(),
                    l.idInFile, targetInFile);
        }

        /** Where the prologue ends and where new head elements go (docs/format.md, "Segments"). */
        private record Prologue(int end, int headInsert) {
        }

        private Prologue prologue(int firstStart) {
            int end = 0;
            end = Math.max(end, startTagEnd(htmlElement));
            end = Math.max(end, startTagEnd(doc.head()));
            end = Math.max(end, startTagEnd(doc.body()));
            Range headEnd = doc.head().endSourceRange();
            int headClose = -1;
            if (headEnd.isTracked() && !headEnd.isImplicit()) {
                end = Math.max(end, headEnd.endPos());
                headClose = headEnd.startPos();
            }
            for (Element child : doc.head().children()) {
                end = Math.max(end, elementEnd(child));
            }
            end = Math.min(end, firstStart);
            // Head content the HTML parser moved into the body (a <py-config> in <head> opens the
            // body, as in browsers) still belongs to the prologue, with the </head> and <body> tags after it.
            while (true) {
                int p = end;
                while (p < firstStart && Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
                if (p >= firstStart) {
                    break;
                }
                int next;
                Element e = elementsByStart.get(p);
                if (isTag(p, "</head")) {
                    headClose = p;
                    next = text.indexOf('>', p) + 1;
                } else if (isTag(p, "<body")) {
                    next = text.indexOf('>', p) + 1;
                } else if (e != null && HEAD_CONTENT.contains(e.normalName()) && formOf(e) == null) {
                    next = elementEnd(e);
                } else {
                    break;
                }
                if (next <= p || next > firstStart) {
                    break;
                }
                end = next;
            }
            while (end < firstStart && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            int headInsert;
            Range body = doc.body() == null ? null : doc.body().sourceRange();
            if (headClose >= 0 && headClose <= end) {
                headInsert = headClose;
            } else if (body != null && body.isTracked() && !body.isImplicit() && body.endPos() <= end) {
                headInsert = body.startPos();
            } else {
                headInsert = end;
            }
            return new Prologue(end, headInsert);
        }

        private static final Set<String> HEAD_CONTENT = Set.of("meta", "link", "title", "style", "script", "base", "py-config");

        private boolean isTag(int p, String open) {
            if (!text.regionMatches(true, p, open, 0, open.length())) {
                return false;
            }
            int after = p + open.length();
            char c = after < text.length() ? text.charAt(after) : ' ';
            return c == '>' || c == '/' || Character.isWhitespace(c);
        }

        /** End of an element's source: its end tag if it has one, else its start tag. */
        private int elementEnd(Element e) {
            if (e.normalName().equals("py-config")) {
                int close = findEndTag("py-config", e.sourceRange().endPos());
                return close < 0 ? e.sourceRange().endPos() : text.indexOf('>', close) + 1;
            }
            Range close = e.endSourceRange();
            if (close.isTracked() && !close.isImplicit()) {
                return close.endPos();
            }
            Range open = e.sourceRange();
            return open.isTracked() && !open.isImplicit() ? open.endPos() : 0;
        }

        private static int startTagEnd(Element e) {
            if (e == null) {
                return 0;
            }
            Range r = e.sourceRange();
            return r.isTracked() && !r.isImplicit() ? r.endPos() : 0;
        }

        private int epilogueStart() {
            int start = text.length();
            for (Element e : new Element[] {doc.body(), htmlElement}) {
                Range close = e == null ? null : e.endSourceRange();
                if (close != null && close.isTracked() && !close.isImplicit()) {
                    start = Math.min(start, close.startPos());
                }
            }
            return start;
        }

        private MetaFoundView readMetadata(int prologueLength) throws NotebookFormatException {
            List<Element> found = metadataElements;
            if (found.isEmpty()) {
                return new MetaFoundView(new MetadataJson.Parsed(NotebookMetadata.EMPTY, Map.of()), null, null);
            }
            if (found.size() > 1) {
                throw fail("more than one element with id \"" + OutputElement.METADATA_ID + "\" ("
                        + line(found.get(0)) + " and " + line(found.get(1)) + ")");
            }
            Element e = found.get(0);
            Range close = e.endSourceRange();
            if (!e.normalName().equals("script") || !close.isTracked() || close.isImplicit()) {
                throw fail(line(e) + ": " + OutputElement.METADATA_ID + " must be a closed <script type=\"application/json\">");
            }
            if (close.endPos() > prologueLength) {
                throw fail(line(e) + ": " + OutputElement.METADATA_ID + " must be in <head>, before the first cell");
            }
            int contentStart = e.sourceRange().endPos();
            int contentEnd = text.lastIndexOf("</", close.endPos() - 2);
            JsonNode tree;
            try {
                tree = Json.parse(text.substring(contentStart, contentEnd));
            } catch (JsonProcessingException ex) {
                throw fail(line(e) + ": invalid " + OutputElement.METADATA_ID + " JSON: " + Json.describe(ex));
            }
            if (tree == null) {
                throw fail(line(e) + ": " + OutputElement.METADATA_ID + " is empty");
            }
            try {
                return new MetaFoundView(MetadataJson.fromTree(tree), new SourceFrame.Span(contentStart, contentEnd), tree);
            } catch (IllegalArgumentException ex) {
                throw fail(line(e) + ": " + OutputElement.METADATA_ID + ": " + ex.getMessage());
            }
        }

        private record MetaFoundView(MetadataJson.Parsed parsed, SourceFrame.Span contentSpan, JsonNode tree) {
            Map<String, Integer> executionCounts() {
                return parsed.executionCounts();
            }
        }

        private record ConfigFound(PyScriptConfig config, SourceFrame.Span elementSpan, String cellId) {
        }

        private ConfigFound readConfig(int prologueLength, List<Located> located) throws NotebookFormatException {
            List<Element> elements = configElements;
            if (elements.size() > 1) {
                throw fail("more than one <py-config> (" + line(elements.get(0)) + " and " + line(elements.get(1))
                        + "); PyScript accepts only one");
            }
            if (elements.size() == 1) {
                Element e = elements.get(0);
                int contentStart = e.sourceRange().endPos();
                int closeStart = findEndTag("py-config", contentStart);
                if (closeStart < 0) {
                    throw fail(line(e) + ": <py-config> is never closed (no </py-config>)");
                }
                int end = text.indexOf('>', closeStart) + 1;
                boolean json = e.attr("type").strip().equalsIgnoreCase("json");
                PyScriptConfig.Syntax syntax = json ? PyScriptConfig.Syntax.JSON : PyScriptConfig.Syntax.TOML;
                SourceFrame.Span span = end <= prologueLength ? new SourceFrame.Span(e.sourceRange().startPos(), end) : null;
                if (e.hasAttr("src")) {
                    return new ConfigFound(external(e.attr("src"), line(e)), span, null);
                }
                String body = Parser.unescapeEntities(text.substring(contentStart, closeStart), false);
                return new ConfigFound(parseConfig(body, syntax, PyScriptConfig.Location.PY_CONFIG_ELEMENT, null, line(e)), span, null);
            }
            for (Located l : located) {
                if (l.element.hasAttr("config")) {
                    String value = l.element.attr("config").strip();
                    if (value.startsWith("{")) {
                        return new ConfigFound(parseConfig(value, PyScriptConfig.Syntax.JSON,
                                PyScriptConfig.Location.CELL_ATTRIBUTE, null, line(l.element)), null, l.id);
                    }
                    return new ConfigFound(external(value, line(l.element)), null, l.id);
                }
            }
            return new ConfigFound(PyScriptConfig.NONE, null, null);
        }

        private PyScriptConfig external(String src, String where) throws NotebookFormatException {
            PyScriptConfig.Syntax syntax = src.toLowerCase(Locale.ROOT).endsWith(".json")
                    ? PyScriptConfig.Syntax.JSON : PyScriptConfig.Syntax.TOML;
            boolean local = baseDir != null && !src.contains(":") && !src.startsWith("/") && !src.isBlank();
            if (local) {
                Path file = baseDir.resolve(src).normalize();
                if (Files.isRegularFile(file)) {
                    String configText = PageText.decode(PageText.readBytes(file), file.toString()).text();
                    return parseConfig(configText, syntax, PyScriptConfig.Location.EXTERNAL, src, "config file " + src);
                }
            }
            return new PyScriptConfig(List.of(), Map.of(), null, Map.of(), PyScriptConfig.Location.EXTERNAL, syntax, src);
        }

        private PyScriptConfig parseConfig(String body, PyScriptConfig.Syntax syntax, PyScriptConfig.Location location,
                                           String src, String where) throws NotebookFormatException {
            try {
                return ConfigCodec.parse(body, syntax, location, src);
            } catch (IllegalArgumentException e) {
                throw fail(where + ": invalid PyScript config: " + e.getMessage());
            }
        }

        /** Start of the first {@code </tag} end tag at or after {@code from}, or -1. */
        private int findEndTag(String tag, int from) {
            String needle = "</" + tag;
            int length = needle.length();
            for (int i = from; i + length <= text.length(); i++) {
                if (text.regionMatches(true, i, needle, 0, length)) {
                    char after = i + length < text.length() ? text.charAt(i + length) : '>';
                    if ((after == '>' || after == '/' || Character.isWhitespace(after)) && text.indexOf('>', i) > 0) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private static boolean insideTemplate(Element e) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p.normalName().equals("template")) {
                    return true;
                }
            }
            return false;
        }

        private static String line(Element e) {
            return "line " + e.sourceRange().start().lineNumber();
        }

        private NotebookFormatException fail(String problem) {
            return new NotebookFormatException(name + ": " + problem);
        }
    }

    static String lineSeparator(String text) {
        int lf = text.indexOf('\n');
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }
}
