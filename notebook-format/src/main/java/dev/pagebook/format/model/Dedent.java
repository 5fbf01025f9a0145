package dev.pagebook.format.model;

/** Python's {@code textwrap.dedent} (plus dropping one leading newline), for code indented to match the surrounding HTML. */
public final class Dedent {
    private Dedent() {
    }

    public static String dedent(String text) {
        String[] lines = text.split("\r?\n", -1);
        String margin = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            String indent = line.substring(0, i);
            if (margin == null) {
                margin = indent;
            } else {
                int common = 0;
                while (common < margin.length() && common < indent.length()
                        && margin.charAt(common) == indent.charAt(common)) {
                    common++;
                }
                margin = margin.substring(0, common);
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            // textwrap.dedent also empties whitespace-only lines.
            if (!line.isBlank()) {
                out.append(margin == null ? line : line.substring(margin.length()));
            }
            if (n < lines.length - 1) {
                out.append('\n');
            }
        }
        // A leading newline right after the start tag is layout, not code.
        return !out.isEmpty() && out.charAt(0) == '\n' ? out.substring(1) : out.toString();
    }
}
