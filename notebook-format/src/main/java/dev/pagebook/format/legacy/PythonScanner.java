package dev.pagebook.format.legacy;

/**
 * Just enough Python lexing to rewrite legacy calls safely: skips strings (all quote forms,
 * prefixes, triple quotes) and comments, and tracks bracket depth.
 */
final class PythonScanner {
    private PythonScanner() {
    }

    /** Index just after the string literal starting at {@code i} (a quote character). */
    static int skipString(String code, int i) {
        char quote = code.charAt(i);
        boolean triple = code.startsWith(String.valueOf(quote).repeat(3), i);
        int j = i + (triple ? 3 : 1);
        while (j < code.length()) {
            char c = code.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (triple ? code.startsWith(String.valueOf(quote).repeat(3), j) : c == quote) {
                return j + (triple ? 3 : 1);
            }
            if (!triple && c == '\n') {
                return j;
            }
            j++;
        }
        return code.length();
    }

    /** Index of the bracket closing the one opened just before {@code from}, or -1. */
    static int matchingClose(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(code, i) - 1;
            } else if (c == '#') {
                i = lineEnd(code, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Bracket depth at the end of {@code code}, or -1 if a string is left open. */
    static int depthAtEnd(String code) {
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipString(code, i);
                if (end >= code.length() && !closesAt(code, i, end)) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '#') {
                i = lineEnd(code, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static boolean closesAt(String code, int start, int end) {
        char quote = code.charAt(start);
        return end - start >= 2 && code.charAt(end - 1) == quote;
    }

    static int lineEnd(String code, int i) {
        int n = code.indexOf('\n', i);
        return n < 0 ? code.length() : n;
    }

    /** Whether position {@code i} is code (not inside a string or comment). */
    static boolean isCode(String code, int target) {
        for (int i = 0; i < code.length() && i <= target; i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipString(code, i);
                if (target < end) {
                    return false;
                }
                i = end - 1;
            } else if (c == '#') {
                int end = lineEnd(code, i);
                if (target < end) {
                    return false;
                }
                i = end - 1;
            }
        }
        return true;
    }
}
