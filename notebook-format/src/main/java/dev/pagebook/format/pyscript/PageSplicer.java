package dev.pagebook.format.pyscript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Edits a notebook's HTML text in place, by source position: everything the export does not
 * touch stays byte for byte as it was (a re-serialised DOM would reformat the whole page).
 */
final class PageSplicer {

    private record Edit(int start, int end, String text) { }

    private final String source;
    private final Document document;
    private final List<Edit> edits = new ArrayList<>();

    PageSplicer(String source) {
        this.source = source;
        this.document = Jsoup.parse(source, "", Parser.htmlParser().setTrackPosition(true));
    }

    Document document() {
        return document;
    }

    /** Removes the PyScript loader tags the notebook carries (the export brings its own runtime). */
    void removePyScriptLoaders() {
        for (Element script : document.select("script[src]")) {
            if (isPyScriptUrl(script.attr("src"))) {
                remove(script);
            }
        }
        for (Element link : document.select("link[href]")) {
            if (isPyScriptUrl(link.attr("href"))) {
                remove(link);
            }
        }
    }

    void removeAll(String cssQuery) {
        document.select(cssQuery).forEach(this::remove);
    }

    /** Inserts text just before {@code </head>} (or where the body starts when the head has no tags). */
    void appendToHead(String text) {
        Range end = document.head().endSourceRange();
        int at;
        if (end.isTracked() && !end.isImplicit()) {
            at = end.startPos();
        } else {
            Element first = document.body().children().first();
            Range bodyStart = document.body().sourceRange();
            at = bodyStart.isTracked() && !bodyStart.isImplicit() ? bodyStart.startPos()
                    : first != null && first.sourceRange().isTracked() ? first.sourceRange().startPos() : 0;
        }
        edits.add(new Edit(at, at, text));
    }

    /** Inserts text just before {@code </body>} (or at the end of the file). */
    void appendToBody(String text) {
        Range end = document.body().endSourceRange();
        int at = end.isTracked() && !end.isImplicit() ? end.startPos() : source.length();
        edits.add(new Edit(at, at, text));
    }

    /** Replaces the content between an element's start and end tag; false when that is not possible. */
    boolean replaceInner(Element element, String text) {
        Range start = element.sourceRange();
        Range end = element.endSourceRange();
        if (!start.isTracked() || start.isImplicit() || !end.isTracked() || end.isImplicit()) {
            return false;
        }
        edits.add(new Edit(start.endPos(), end.startPos(), text));
        return true;
    }

    /** Removes an element and the line break after it. */
    void removeLine(Element element) {
        Range start = element.sourceRange();
        Range end = element.endSourceRange();
        if (!start.isTracked() || start.isImplicit()) {
            return;
        }
        int to = end.isTracked() && !end.isImplicit() ? end.endPos() : start.endPos();
        if (source.startsWith("\r\n", to)) {
            to += 2;
        } else if (source.startsWith("\n", to)) {
            to++;
        }
        edits.add(new Edit(start.startPos(), to, ""));
    }

    String result() {
        StringBuilder out = new StringBuilder(source);
        edits.stream()
                .sorted(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed())
                .forEach(edit -> out.replace(edit.start, edit.end, edit.text));
        return out.toString();
    }

    private void remove(Element element) {
        Range start = element.sourceRange();
        Range end = element.endSourceRange();
        if (!start.isTracked() || start.isImplicit()) {
            return;
        }
        int to = end.isTracked() && !end.isImplicit() ? end.endPos() : start.endPos();
        edits.add(new Edit(start.startPos(), to, ""));
    }

    private static boolean isPyScriptUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("pyscript") && (lower.endsWith("core.js") || lower.endsWith("core.css"));
    }
}
