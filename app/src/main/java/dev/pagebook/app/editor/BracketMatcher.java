package dev.pagebook.app.editor;

/** Pure text helpers for the editor: the partner of a bracket and the end of the name under a point. */
final class BracketMatcher {

    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";

    private BracketMatcher() {
    }

    /** Index of the bracket matching the one at {@code at}, or -1 (brackets inside strings are not skipped). */
    static int match(String text, int at) {
        char c = text.charAt(at);
        int open = OPEN.indexOf(c);
        int close = CLOSE.indexOf(c);
        if (open < 0 && close < 0) {
            return -1;
        }
        int kind = open >= 0 ? open : close;
        int step = open >= 0 ? 1 : -1;
        int depth = 0;
        for (int i = at; i >= 0 && i < text.length(); i += step) {
            char d = text.charAt(i);
            if (d == OPEN.charAt(kind)) {
                depth += step;
            } else if (d == CLOSE.charAt(kind)) {
                depth -= step;
            }
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The end of the identifier (dotted names included) touching {@code index}. */
    static int endOfName(String text, int index) {
        int i = Math.min(index, text.length());
        while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)))) {
            i++;
        }
        return i;
    }
}
