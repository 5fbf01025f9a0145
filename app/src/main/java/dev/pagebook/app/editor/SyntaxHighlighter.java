package dev.pagebook.app.editor;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A lexical colouring of cell text: each named group of one pattern is a CSS style class
 * (colours live in the theme's CSS). Pure computation, run off the FX thread.
 */
public final class SyntaxHighlighter {

    private static final String PYTHON_KEYWORDS = String.join("|", List.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
            "match", "case"));
    private static final String PYTHON_BUILTINS = String.join("|", List.of(
            "print", "len", "range", "int", "str", "float", "list", "dict", "set", "tuple", "open", "sum",
            "min", "max", "abs", "enumerate", "zip", "map", "filter", "sorted", "isinstance", "type", "super",
            "display", "self"));

    /** Python: strings (triple-quoted first), comments, decorators, keywords, builtins, numbers, brackets. */
    public static final SyntaxHighlighter PYTHON = new SyntaxHighlighter(Pattern.compile(
            "(?<string>(?:[rRbBfFuU]{0,2})(?:\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'''[\\s\\S]*?(?:'''|$)"
                    + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?))"
                    + "|(?<comment>#[^\\n]*)"
                    + "|(?<decorator>@[\\w.]+)"
                    + "|(?<keyword>\\b(?:" + PYTHON_KEYWORDS + ")\\b)"
                    + "|(?<builtin>\\b(?:" + PYTHON_BUILTINS + ")\\b)"
                    + "|(?<number>\\b(?:0[xXoObB][\\da-fA-F_]+|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?j?)\\b)"
                    + "|(?<bracket>[()\\[\\]{}])"),
            List.of("string", "comment", "decorator", "keyword", "builtin", "number", "bracket"));

    /** HTML: comments, tags with their attribute names and values, entities. */
    public static final SyntaxHighlighter HTML = new SyntaxHighlighter(Pattern.compile(
            "(?<comment><!--[\\s\\S]*?(?:-->|$))"
                    + "|(?<tag></?[A-Za-z][\\w:-]*|/?>)"
                    + "|(?<attrvalue>\"[^\"]*\"|'[^']*')"
                    + "|(?<attrname>\\b[\\w:-]+(?==))"
                    + "|(?<entity>&[#\\w]+;)"),
            List.of("comment", "tag", "attrvalue", "attrname", "entity"));

    private final Pattern pattern;
    private final List<String> groups;

    private SyntaxHighlighter(Pattern pattern, List<String> groups) {
        this.pattern = pattern;
        this.groups = groups;
    }

    public StyleSpans<Collection<String>> compute(String text) {
        Matcher m = pattern.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = groups.stream().filter(g -> m.group(g) != null).findFirst().orElse("plain");
            spans.add(List.of(), m.start() - last);
            spans.add(List.of("syntax-" + style), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }
}
