package dev.pagebook.format.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell's source as an editor shows it: the line break after the start tag and the blank
 * lines and indentation before the end tag are the page's layout, not the cell's text. An editor
 * edits {@link #body()}; {@link #join(String)} puts the layout back, so an unedited cell is saved
 * byte for byte.
 *
 * <p>A Python cell loses exactly one leading (whitespace-only) line, as {@link PythonCell#code()}
 * does, so the editor's line numbers are the ones in tracebacks. An HTML cell loses all leading
 * blank lines.
 *
 * @param lead what precedes the body
 * @param body the text to edit
 * @param tail what follows the body: trailing whitespace from the first of the last line breaks
 */
public record SourceLayout(String lead, String body, String tail) {

    private static final Pattern PYTHON_LEAD = Pattern.compile("\\A[ \\t]*\\r?\\n");
    private static final Pattern HTML_LEAD = Pattern.compile("\\A(?:[ \\t]*\\r?\\n)+");
    private static final Pattern TAIL = Pattern.compile("(?:\\r?\\n[ \\t]*)+\\z");

    public SourceLayout {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(tail, "tail");
    }

    public static SourceLayout of(Cell cell) {
        return of(cell.source(), cell instanceof PythonCell);
    }

    public static SourceLayout of(String source, boolean python) {
        Matcher lead = (python ? PYTHON_LEAD : HTML_LEAD).matcher(source);
        int bodyStart = lead.find() ? lead.end() : 0;
        Matcher tail = TAIL.matcher(source);
        int bodyEnd = tail.find(bodyStart) ? tail.start() : source.length();
        return new SourceLayout(source.substring(0, bodyStart), source.substring(bodyStart, bodyEnd),
                source.substring(bodyEnd));
    }

    /** The whole source with {@code newBody} in place of the body. */
    public String join(String newBody) {
        return lead + newBody + tail;
    }

    /** The whole source as it is. */
    public String source() {
        return join(body);
    }
}
