package dev.pagebook.format.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyScript's configuration, the single source of truth for the packages a notebook needs.
 *
 * @param packages    {@code packages} (pip requirement strings)
 * @param files       {@code files}: URL or path -> destination in the virtual file system
 * @param interpreter {@code interpreter} (a Pyodide version or URL), null if unset
 * @param other       every other key, kept as parsed
 * @param location    where the config was found
 * @param syntax      TOML or JSON
 * @param src         the external file name for {@link Location#EXTERNAL}, else null
 */
public record PyScriptConfig(List<String> packages, Map<String, String> files, String interpreter,
                             Map<String, Object> other, Location location, Syntax syntax, String src) {

    /** Where a page keeps its config. */
    public enum Location {
        /** The page has no config. */
        NONE,
        /** A {@code <py-config>} element (TOML, or JSON with {@code type="json"}). */
        PY_CONFIG_ELEMENT,
        /** Inline JSON or TOML in the {@code config} attribute of a Python cell. */
        CELL_ATTRIBUTE,
        /** A file named by {@code <py-config src>} or {@code config="file.toml"}. */
        EXTERNAL
    }

    public enum Syntax { TOML, JSON }

    public static final PyScriptConfig NONE =
            new PyScriptConfig(List.of(), Map.of(), null, Map.of(), Location.NONE, Syntax.TOML, null);

    public PyScriptConfig {
        packages = packages == null ? List.of() : List.copyOf(packages);
        files = files == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(files));
        other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
        location = location == null ? Location.NONE : location;
        syntax = syntax == null ? Syntax.TOML : syntax;
    }

    public PyScriptConfig withPackages(List<String> newPackages) {
        return new PyScriptConfig(newPackages, files, interpreter, other, location, syntax, src);
    }

    public PyScriptConfig withFiles(Map<String, String> newFiles) {
        return new PyScriptConfig(packages, newFiles, interpreter, other, location, syntax, src);
    }

    public PyScriptConfig withInterpreter(String newInterpreter) {
        return new PyScriptConfig(packages, files, newInterpreter, other, location, syntax, src);
    }
}
