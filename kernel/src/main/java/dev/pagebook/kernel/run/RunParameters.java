package dev.pagebook.kernel.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code -p NAME=VALUE} values as papermill injects them: numbers, True/False/None stay Python
 * literals, anything else becomes a string.
 */
public record RunParameters(Map<String, String> values) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*)?(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final List<String> KEYWORDS = List.of("True", "False", "None");

    public RunParameters {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses NAME=VALUE items; the message of the exception names the bad item. */
    public static RunParameters parse(List<String> items) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq);
            if (eq < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("-p " + item + ": expected NAME=VALUE with NAME a Python identifier");
            }
            values.put(name, item.substring(eq + 1));
        }
        return new RunParameters(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The injected cell's code: one assignment per parameter. */
    public String code() {
        StringBuilder code = new StringBuilder("# RunParameters\n");
        values.forEach((name, value) -> code.append(name).append(" = ").append(literal(value)).append('\n'));
        return code.toString();
    }

    static String literal(String value) {
        if (KEYWORDS.contains(value) || (!value.isEmpty() && NUMBER.matcher(value).matches() && value.matches(".*\\d.*"))) {
            return value;
        }
        StringBuilder s = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> s.append(c);
            }
        }
        return s.append('\'').toString();
    }
}
