package dev.pagebook.format.ipynb;

import dev.pagebook.format.model.PythonCell;

/**
 * A Python cell's source as a code file or .ipynb holds it: one newline after the start tag and
 * the line holding the end tag are page layout, not code; a common indentation (from HTML
 * nesting) is removed; CRLF becomes LF. The importer adds exactly that layout back, so
 * .ipynb -> page -> .ipynb returns the same source.
 */
public final class ExportSource {
    private ExportSource() {
    }

    public static String of(PythonCell cell) {
        String s = cell.source().replace("\r\n", "\n");
        if (s.startsWith("\n")) {
            s = s.substring(1);
        }
        int lastNewline = s.lastIndexOf('\n');
        if (lastNewline >= 0 && s.substring(lastNewline + 1).isBlank()) {
            s = s.substring(0, lastNewline);
        }
        // code() also drops a leading newline, so one is added for it to drop.
        return hasCommonIndent(s) ? cell.withSource("\n" + s).code() : s;
    }

    /** The page text for source from a code file: framed by newlines so the tags sit on their own lines. */
    public static String toPage(String source) {
        return "\n" + source + "\n";
    }

    private static boolean hasCommonIndent(String s) {
        boolean any = false;
        for (String line : s.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            any = true;
            if (line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                return false;
            }
        }
        return any;
    }
}
