package dev.pagebook.installer;

import java.util.ArrayList;
import java.util.List;

/** Splits the text of a {@code java @argfile} into arguments, by the java launcher's rules. */
final class JavaArgFile {

    private JavaArgFile() {
    }

    /**
     * Whitespace separates arguments; single or double quotes group them; inside quotes a backslash
     * escapes the next character; {@code #} starts a comment that runs to the end of the line.
     */
    static List<String> parse(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    current.append(unescape(text.charAt(++i)));
                } else {
                    current.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (current != null) {
                    args.add(current.toString());
                    current = null;
                }
            } else if (c == '#' && current == null) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else {
                if (current == null) {
                    current = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    current.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + "quote" + quote + " in the argument file");
        }
        if (current != null) {
            args.add(current.toString());
        }
        return args;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            default -> c;
        };
    }
}
