package dev.pagebook.format.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.json.Json;
import dev.pagebook.format.model.Dedent;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.pyscript.RuntimeVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * Migrates a PyScript 2022 page (alpha/2022.x releases) to current PyScript, editing only the
 * legacy parts of the text (positions from jsoup) and reporting every change:
 * old loader -> pinned {@code @pyscript/core} module, {@code <py-env>} YAML -> {@code <py-config>}
 * TOML, {@code <py-script>}/{@code <py-repl>} -> {@code <script type="py">} (with the Python
 * rewritten by {@link LegacyPythonRewriter}), {@code output=} -> {@code target=},
 * {@code pys-onClick}/{@code py-onClick} -> {@code py-click}, {@code <py-title>} -> {@code <h1>}.
 */
public final class LegacyPageMigrator {
    private LegacyPageMigrator() {
    }

    /** The migrated page text and what changed. */
    public record Result(String html, MigrationReport report) {
    }

    private static final Set<String> UNSUPPORTED_WIDGETS = Set.of("py-box", "py-button", "py-inputbox", "py-list", "py-item");

    /** Whether a page uses PyScript 2022 syntax or loads a 2022 release. */
    public static boolean isLegacy(String html) {
        Document doc = Parser.htmlParser().parseInput(html, "");
        if (!doc.select("py-env, py-repl, py-title, py-box, py-button, py-inputbox").isEmpty()) {
            return true;
        }
        for (Element e : doc.getAllElements()) {
            if (isLegacyLoader(e)) {
                return true;
            }
            for (Attribute a : e.attributes()) {
                if (isLegacyEventAttribute(a.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static Result migrate(String html, String name) throws NotebookFormatException {
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
        Migration migration = new Migration(html, doc);
        migration.run();
        String migrated = migration.apply();
        // The result must be a page Pagebook reads; a failure here is a bug worth a clear message.
        NotebookReader.read(migrated, name + " (migrated)");
        return new Result(migrated, new MigrationReport(migration.changes));
    }

    static boolean isLegacyLoader(Element e) {
        String url = e.normalName().equals("script") ? e.attr("src") : e.normalName().equals("link") ? e.attr("href") : "";
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.endsWith("/pyscript.js") || lower.endsWith("/pyscript.min.js")
                || lower.endsWith("/pyscript.css") || lower.endsWith("/pyscript.min.css")
                || lower.equals("pyscript.js") || lower.equals("pyscript.css");
    }

    static boolean isLegacyEventAttribute(String key) {
        return key.startsWith("pys-on") || (key.startsWith("py-on") && key.length() > "py-on".length());
    }

    private static final class Migration {
        private final String text;
        private final Document doc;
        private final String nl;
        private final List<Edit> edits = new ArrayList<>();
        final List<MigrationReport.Change> changes = new ArrayList<>();
        private final Set<String> handlers = new LinkedHashSet<>();
        private final RuntimeVersions runtime = RuntimeVersions.bundled();

        private record Edit(int start, int end, String text) {
        }

        Migration(String text, Document doc) {
            this.text = text;
            this.doc = doc;
            int lf = text.indexOf('\n');
            this.nl = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
        }

        void run() throws NotebookFormatException {
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    if (isLegacyEventAttribute(a.getKey()) && a.sourceRange().nameRange().isTracked()) {
                        eventAttribute(e, a);
                    }
                }
            }
            loader();
            for (Element e : doc.getAllElements()) {
                switch (e.normalName()) {
                    case "py-env" -> pyEnv(e);
                    case "py-script" -> pythonElement(e, "py-script", true);
                    case "py-repl" -> pythonElement(e, "py-repl", false);
                    case "py-title" -> title(e);
                    default -> {
                        if (UNSUPPORTED_WIDGETS.contains(e.normalName())) {
                            change(e, "<" + e.normalName() + "> has no current PyScript equivalent; left as is (build it with HTML and py-click)");
                        }
                    }
                }
            }
        }

        private void loader() {
            Element oldScript = null;
            Element oldCss = null;
            for (Element e : doc.getAllElements()) {
                if (isLegacyLoader(e)) {
                    if (e.normalName().equals("script") && oldScript == null) {
                        oldScript = e;
                    } else if (e.normalName().equals("link") && oldCss == null) {
                        oldCss = e;
                    }
                }
            }
            String css = "<link rel=\"stylesheet\" href=\"" + runtime.coreCssUrl() + "\">";
            String script = "<script type=\"module\" src=\"" + runtime.coreUrl() + "\"></script>";
            if (oldCss != null) {
                edit(oldCss.sourceRange().startPos(), elementEnd(oldCss), css);
                change(oldCss, "stylesheet " + oldCss.attr("href") + " -> @pyscript/core " + runtime.pyscriptCore() + " core.css");
            }
            if (oldScript != null) {
                edit(oldScript.sourceRange().startPos(), elementEnd(oldScript), oldCss == null ? css + nl + script : script);
                change(oldScript, "loader " + oldScript.attr("src") + " -> <script type=\"module\"> @pyscript/core "
                        + runtime.pyscriptCore() + " core.js" + (oldCss == null ? " (and its core.css)" : ""));
            } else if (doc.select("script[src*=core.js]").isEmpty()) {
                int at = headInsert();
                edit(at, at, css + nl + script + nl);
                changes.add(new MigrationReport.Change(lineAt(at), "added the PyScript loader (@pyscript/core " + runtime.pyscriptCore() + ")"));
            }
        }

        private int headInsert() {
            Range headEnd = doc.head().endSourceRange();
            if (headEnd.isTracked() && !headEnd.isImplicit()) {
                return headEnd.startPos();
            }
            Range body = doc.body().sourceRange();
            return body.isTracked() && !body.isImplicit() ? body.startPos() : 0;
        }

        private void pyEnv(Element e) throws NotebookFormatException {
            int contentStart = e.sourceRange().endPos();
            int close = findEndTag("py-env", contentStart);
            if (close < 0) {
                throw new NotebookFormatException("line " + line(e) + ": <py-env> is never closed");
            }
            String yaml = Dedent.dedent(Parser.unescapeEntities(text.substring(contentStart, close), false));
            List<String> packages = new ArrayList<>();
            Map<String, String> files = new LinkedHashMap<>();
            try {
                JsonNode tree = new YAMLMapper().readTree(yaml);
                if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                    if (!tree.isArray()) {
                        throw new NotebookFormatException("line " + line(e) + ": <py-env> must be a YAML list");
                    }
                    for (JsonNode item : tree) {
                        if (item.isTextual()) {
                            packages.add(item.asText());
                        } else if (item.has("paths")) {
                            for (JsonNode path : item.get("paths")) {
                                String p = path.asText();
                                files.put(p, "./" + p.substring(p.lastIndexOf('/') + 1));
                            }
                        }
                    }
                }
            } catch (JsonProcessingException ex) {
                throw new NotebookFormatException("line " + line(e) + ": <py-env> is not valid YAML: " + Json.describe(ex));
            }
            int end = text.indexOf('>', close) + 1;
            if (!doc.getElementsByTag("py-config").isEmpty()) {
                edit(e.sourceRange().startPos(), end, "");
                change(e, "removed <py-env>; the page already has a <py-config>: add packages " + packages + " there");
                return;
            }
            PyScriptConfig config = new PyScriptConfig(packages, files, null, Map.of(),
                    PyScriptConfig.Location.PY_CONFIG_ELEMENT, PyScriptConfig.Syntax.TOML, null);
            edit(e.sourceRange().startPos(), end, NotebookWriter.pyConfigElement(config, nl));
            change(e, "<py-env> -> <py-config> (packages: " + String.join(", ", packages)
                    + (files.isEmpty() ? "" : "; files: " + String.join(", ", files.keySet())) + ")");
        }

        private void pythonElement(Element e, String tag, boolean autoDisplay) throws NotebookFormatException {
            int contentStart = e.sourceRange().endPos();
            int close = findEndTag(tag, contentStart);
            if (close < 0) {
                throw new NotebookFormatException("line " + line(e) + ": <" + tag + "> is never closed (no </" + tag + ">)");
            }
            if (edits.stream().anyMatch(x -> x.start() < e.sourceRange().startPos() && e.sourceRange().startPos() < x.end())) {
                return; // inside another migrated element
            }
            int end = text.indexOf('>', close) + 1;
            String code = Parser.unescapeEntities(text.substring(contentStart, close), false);
            LegacyPythonRewriter.Rewritten rewritten = LegacyPythonRewriter.rewrite(code, handlers, autoDisplay);
            StringBuilder attributes = new StringBuilder();
            boolean target = false;
            for (Attribute a : e.attributes()) {
                String key = a.getKey();
                if (key.equals("output") || key.equals("std-out")) {
                    if (!target) {
                        attribute(attributes, "target", a.getValue());
                        target = true;
                        change(e, key + "=\"" + a.getValue() + "\" -> target=\"" + a.getValue()
                                + "\" (display() goes there; print() now goes to the console and to the cell's output in Pagebook)");
                    }
                } else if (!key.equals("auto-generate") && !key.equals("std-err")) {
                    attribute(attributes, key, a.getValue());
                }
            }
            String lower = rewritten.code().toLowerCase(Locale.ROOT);
            boolean raw = !lower.contains("</script") && !lower.contains("<!--");
            String element = raw
                    ? "<script type=\"py\"" + attributes + ">" + rewritten.code() + "</script>"
                    : "<py-script" + attributes + ">" + rewritten.code().replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;") + "</py-script>";
            edit(e.sourceRange().startPos(), end, element);
            change(e, "<" + tag + "> -> " + (raw ? "<script type=\"py\">" : "<py-script> (its code contains </script>)")
                    + (tag.equals("py-repl") ? " (a Pagebook cell; PyScript's in-page editor is type=\"py-editor\")" : ""));
            for (String note : rewritten.notes()) {
                change(e, note);
            }
        }

        private void title(Element e) {
            int close = findEndTag("py-title", e.sourceRange().endPos());
            if (close < 0) {
                return;
            }
            edit(e.sourceRange().startPos(), text.indexOf('>', close) + 1,
                    "<h1>" + text.substring(e.sourceRange().endPos(), close) + "</h1>");
            change(e, "<py-title> -> <h1>");
        }

        private void eventAttribute(Element e, Attribute a) {
            String event = a.getKey().substring(a.getKey().startsWith("pys-on") ? "pys-on".length() : "py-on".length());
            Range name = a.sourceRange().nameRange();
            edit(name.startPos(), name.endPos(), "py-" + event);
            String handler = a.getValue().strip().replaceFirst("\\(\\s*\\)$", "");
            if (handler.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                handlers.add(handler);
                if (!a.getValue().strip().equals(handler)) {
                    Range value = a.sourceRange().valueRange();
                    if (value.isTracked()) {
                        edit(value.startPos(), value.endPos(), handler);
                    }
                }
            }
            change(e, text.substring(name.startPos(), name.endPos()) + "=\"" + a.getValue() + "\" -> py-" + event + "=\"" + handler + "\"");
        }

        private void edit(int start, int end, String replacement) {
            edits.add(new Edit(start, end, replacement));
        }

        String apply() {
            edits.sort(Comparator.comparingInt(Edit::start));
            StringBuilder sb = new StringBuilder();
            int pos = 0;
            for (Edit edit : edits) {
                if (edit.start() < pos) {
                    continue; // overlaps an earlier edit (an element inside a migrated element)
                }
                sb.append(text, pos, edit.start()).append(edit.text());
                pos = edit.end();
            }
            changes.sort(Comparator.comparingInt(MigrationReport.Change::line));
            return sb.append(text, pos, text.length()).toString();
        }

        private int elementEnd(Element e) {
            Range close = e.endSourceRange();
            return close.isTracked() && !close.isImplicit() ? close.endPos() : e.sourceRange().endPos();
        }

        private int findEndTag(String tag, int from) {
            String needle = "</" + tag;
            for (int i = from; i + needle.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, needle, 0, needle.length())) {
                    int after = i + needle.length();
                    char c = after < text.length() ? text.charAt(after) : '>';
                    if ((c == '>' || c == '/' || Character.isWhitespace(c)) && text.indexOf('>', i) > 0) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private void change(Element e, String description) {
            changes.add(new MigrationReport.Change(line(e), description));
        }

        private static int line(Element e) {
            return e.sourceRange().start().lineNumber();
        }

        private int lineAt(int pos) {
            int line = 1;
            for (int i = 0; i < pos && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private static void attribute(StringBuilder sb, String key, String value) {
            sb.append(' ').append(key);
            if (!value.isEmpty()) {
                sb.append("=\"").append(value.replace("&", "&amp;").replace("\"", "&quot;")).append('"');
            }
        }
    }
}
