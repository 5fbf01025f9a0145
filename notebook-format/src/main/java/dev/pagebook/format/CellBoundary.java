package dev.pagebook.format;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Keeps a Python cell a cell after the HTML written before it. HTML that ends inside a comment, a
 * tag, an attribute value or a raw-text element ({@code <!-- x}, {@code <a}, {@code <textarea>})
 * would swallow the next {@code <script type="py">} when the page is read again, and the cell's code
 * would be lost. Such HTML gets the shortest closer that makes the following cell parse as a cell.
 */
final class CellBoundary {
    private CellBoundary() {
    }

    private static final String PROBE_ID = "pagebook-cell-boundary-probe";
    private static final String PROBE = "<script type=\"py\" id=\"" + PROBE_ID + "\"></script>";

    /** Quick filter: HTML without these can't leave the tokenizer outside plain text. */
    private static final Pattern RISKY = Pattern.compile(
            "<[!?/]|<(?i:textarea|title|style|script|xmp|iframe|noembed|noframes|noscript|plaintext|template|svg|math)"
                    + "|<[A-Za-z][^>]*$|[\"']");

    private static final List<String> CLOSERS = List.of(">", "\">", "'>", "-->", "->", "]]>", "</textarea>", "</title>",
            "</style>", "</script>", "</xmp>", "</iframe>", "</noembed>", "</noframes>", "</noscript>", "</template>",
            "</svg>", "</math>");

    /**
     * The text to write after {@code html} (empty when none is needed) so that a Python cell written
     * next is read back as a cell. {@code html} starts at the page's start or right after another
     * Python cell, where the tokenizer is known to be in plain text.
     */
    static String closerAfter(String html) {
        if (!RISKY.matcher(html).find() || isCellAfter(html)) {
            return "";
        }
        for (String first : CLOSERS) {
            if (isCellAfter(html + first)) {
                return first;
            }
        }
        for (String first : CLOSERS) {
            for (String second : CLOSERS) {
                if (isCellAfter(html + first + second)) {
                    return first + second;
                }
            }
        }
        return "";
    }

    private static boolean isCellAfter(String text) {
        Document doc = Parser.htmlParser().parseInput(text + PROBE, "");
        Element probe = doc.getElementById(PROBE_ID);
        if (probe == null || NotebookReader.formOf(probe) == null) {
            return false;
        }
        for (Element p = probe.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("template")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code source} written in a {@code <script type="py">} is read back as exactly itself. */
    static boolean scriptKeeps(String source) {
        Document doc = Parser.htmlParser().parseInput(PROBE.replace("></script>", ">") + source + "</script><p></p>", "");
        Element script = doc.getElementById(PROBE_ID);
        return script != null && script.data().equals(source) && script.nextElementSibling() != null;
    }
}
