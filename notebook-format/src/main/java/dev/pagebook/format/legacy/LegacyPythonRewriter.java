package dev.pagebook.format.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the Python of a PyScript 2022 {@code <py-script>} for current PyScript:
 * {@code pyscript.write(id, v)} and {@code Element(id).write(v)} become {@code display(v, target=id,
 * append=False)}, other {@code Element(id)} uses become {@code document.querySelector("#id")}, the
 * auto-displayed last expression is displayed explicitly, click handlers take the event argument,
 * and the names used are imported from {@code pyscript}.
 */
final class LegacyPythonRewriter {
    private LegacyPythonRewriter() {
    }

    /** The new code and one note per change. */
    record Rewritten(String code, List<String> notes) {
    }

    private static final Set<String> STATEMENT_KEYWORDS = Set.of("import", "from", "def", "class", "if", "elif", "else",
            "for", "while", "with", "try", "except", "finally", "return", "raise", "pass", "break", "continue", "del",
            "global", "nonlocal", "assert", "async", "await", "yield", "match", "case", "lambda");
    private static final Pattern NONE_RETURNING_CALL = Pattern.compile(
            "^(print|display|input|exec)\\s*\\(|\\.(show|write|clear|append|extend|update|set_\\w+|savefig)\\s*\\(.*\\)\\s*$");

    static Rewritten rewrite(String code, Set<String> handlers, boolean autoDisplay) {
        List<String> notes = new ArrayList<>();
        String result = rewritePyscriptWrite(code, notes);
        result = rewriteElement(result, notes);
        for (String handler : handlers) {
            Matcher m = Pattern.compile("(def\\s+" + Pattern.quote(handler) + "\\s*\\()\\s*(\\)\\s*:)").matcher(result);
            if (m.find() && PythonScanner.isCode(result, m.start())) {
                result = result.substring(0, m.start()) + m.group(1) + "event=None" + m.group(2) + result.substring(m.end());
                notes.add("handler " + handler + "() now receives the click event: def " + handler + "(event=None)");
            }
        }
        if (autoDisplay) {
            result = displayLastExpression(result, notes);
        }
        List<String> imports = new ArrayList<>();
        if (result.contains("display(") && !code.contains("display(") && !importsFromPyscript(code, "display")) {
            imports.add("display");
        }
        if (result.contains("document.") && !code.contains("document.") && !importsFromPyscript(code, "document")) {
            imports.add("document");
        }
        if (!imports.isEmpty()) {
            result = addImport(result, "from pyscript import " + String.join(", ", imports));
            notes.add("added 'from pyscript import " + String.join(", ", imports) + "'");
        }
        return new Rewritten(result, notes);
    }

    private static boolean importsFromPyscript(String code, String name) {
        return Pattern.compile("from\\s+pyscript\\s+import\\s+[^\\n]*\\b" + name + "\\b").matcher(code).find();
    }

    private static String rewritePyscriptWrite(String code, List<String> notes) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        String needle = "pyscript.write(";
        for (int i = code.indexOf(needle); i >= 0; i = code.indexOf(needle, i + 1)) {
            if (i < pos || !PythonScanner.isCode(code, i) || (i > 0 && isIdentifierChar(code.charAt(i - 1)))) {
                continue;
            }
            int open = i + needle.length();
            int close = PythonScanner.matchingClose(code, open);
            if (close < 0) {
                continue;
            }
            List<String> args = splitArguments(code.substring(open, close));
            if (args.size() < 2) {
                continue;
            }
            String append = args.size() > 2 ? args.get(2).strip().replaceFirst("^append\\s*=\\s*", "") : "False";
            out.append(code, pos, i).append("display(").append(args.get(1).strip()).append(", target=")
                    .append(args.get(0).strip()).append(", append=").append(append.strip()).append(')');
            pos = close + 1;
            notes.add("pyscript.write(" + args.get(0).strip() + ", ...) -> display(..., target=" + args.get(0).strip() + ")");
        }
        return out.append(code, pos, code.length()).toString();
    }

    private static String rewriteElement(String code, List<String> notes) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        String needle = "Element(";
        for (int i = code.indexOf(needle); i >= 0; i = code.indexOf(needle, i + 1)) {
            if (i < pos || !PythonScanner.isCode(code, i) || (i > 0 && (isIdentifierChar(code.charAt(i - 1)) || code.charAt(i - 1) == '.'))) {
                continue;
            }
            int open = i + needle.length();
            int close = PythonScanner.matchingClose(code, open);
            if (close < 0) {
                continue;
            }
            String arg = code.substring(open, close).strip();
            Matcher literal = Pattern.compile("^(['\"])([\\w-]+)\\1$").matcher(arg);
            String selector = literal.matches() ? "\"#" + literal.group(2) + "\"" : "\"#\" + " + arg;
            String query = "document.querySelector(" + selector + ")";
            int after = close + 1;
            out.append(code, pos, i);
            if (code.startsWith(".write(", after)) {
                int writeClose = PythonScanner.matchingClose(code, after + ".write(".length());
                if (writeClose > 0) {
                    List<String> args = splitArguments(code.substring(after + ".write(".length(), writeClose));
                    String append = args.size() > 1 ? args.get(1).strip().replaceFirst("^append\\s*=\\s*", "").strip() : "False";
                    out.append("display(").append(args.isEmpty() ? "\"\"" : args.get(0).strip()).append(", target=")
                            .append(arg).append(", append=").append(append).append(')');
                    pos = writeClose + 1;
                    notes.add("Element(" + arg + ").write(...) -> display(..., target=" + arg + ")");
                    continue;
                }
            }
            if (code.startsWith(".element", after) && !isIdentifierCharAt(code, after + ".element".length())) {
                out.append(query);
                pos = after + ".element".length();
            } else if (code.startsWith(".clear()", after)) {
                out.append(query).append(".replaceChildren()");
                pos = after + ".clear()".length();
            } else {
                out.append(query);
                pos = after;
            }
            notes.add("Element(" + arg + ") -> " + query);
        }
        return out.append(code, pos, code.length()).toString();
    }

    /**
     * PyScript 2022 showed the value of a {@code <py-script>}'s last expression; current PyScript
     * does not, so a last top-level expression statement is wrapped in {@code display(...)}.
     */
    private static String displayLastExpression(String code, List<String> notes) {
        String[] lines = code.split("\n", -1);
        int offset = code.length();
        for (int n = lines.length - 1; n >= 0; n--) {
            String line = lines[n];
            offset -= line.length() + (n < lines.length - 1 ? 1 : 0);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int lineStart = Math.max(0, offset);
            String indent = line.substring(0, line.indexOf(stripped.charAt(0)));
            if (!isTopLevel(lines, n, indent) || PythonScanner.depthAtEnd(code.substring(0, lineStart)) != 0
                    || PythonScanner.depthAtEnd(stripped) != 0 || stripped.endsWith("\\") || stripped.endsWith(":")
                    || !isExpression(stripped)) {
                return code;
            }
            String expression = stripCommentAndSemicolon(stripped);
            notes.add("last expression '" + expression + "' was shown automatically; now display(" + expression + ")");
            String lineEnd = line.endsWith("\r") ? "\r" : "";
            return code.substring(0, lineStart) + indent + "display(" + expression + ")" + lineEnd
                    + code.substring(lineStart + line.length());
        }
        return code;
    }

    /** True when no non-blank line before has a smaller indent than this one (it is not in a block). */
    private static boolean isTopLevel(String[] lines, int n, String indent) {
        for (int k = 0; k < n; k++) {
            String line = lines[k];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int lineIndent = line.length() - line.stripLeading().length();
            if (lineIndent < indent.length()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExpression(String stripped) {
        String firstWord = stripped.split("[^A-Za-z_]", 2)[0];
        if (STATEMENT_KEYWORDS.contains(firstWord) || stripped.startsWith("@")) {
            return false;
        }
        if (NONE_RETURNING_CALL.matcher(stripCommentAndSemicolon(stripped)).find()) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '"' || c == '\'') {
                i = PythonScanner.skipString(stripped, i) - 1;
            } else if (c == '#') {
                break;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (depth == 0 && (c == ';' || c == ':')) {
                return false;
            } else if (depth == 0 && c == '=') {
                char before = i > 0 ? stripped.charAt(i - 1) : ' ';
                char after = i + 1 < stripped.length() ? stripped.charAt(i + 1) : ' ';
                if (after != '=' && "=!<>".indexOf(before) < 0) {
                    return false; // assignment (plain or augmented)
                }
                i++;
            }
        }
        return true;
    }

    private static String stripCommentAndSemicolon(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '"' || c == '\'') {
                i = PythonScanner.skipString(stripped, i) - 1;
            } else if (c == '#') {
                return stripped.substring(0, i).strip();
            }
        }
        return stripped;
    }

    private static String addImport(String code, String importLine) {
        int i = 0;
        while (i < code.length() && code.charAt(i) == '\n') {
            i++;
        }
        int lineEnd = PythonScanner.lineEnd(code, i);
        String line = code.substring(i, lineEnd);
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return code.substring(0, i) + indent + importLine + "\n" + code.substring(i);
    }

    /** Arguments of a call split at top-level commas. */
    static List<String> splitArguments(String args) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"' || c == '\'') {
                i = PythonScanner.skipString(args, i) - 1;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(args.substring(start, i));
                start = i + 1;
            }
        }
        if (!args.substring(start).isBlank()) {
            parts.add(args.substring(start));
        }
        return parts;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isIdentifierCharAt(String s, int i) {
        return i < s.length() && isIdentifierChar(s.charAt(i));
    }
}
