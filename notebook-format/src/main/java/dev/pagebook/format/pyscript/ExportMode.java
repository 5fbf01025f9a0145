package dev.pagebook.format.pyscript;

import java.util.Locale;

/** What kind of page an export produces; see docs/export.md. */
public enum ExportMode {
    /** PyScript and Pyodide from their public CDNs, pinned: one small file. */
    LINKED,
    /** One self-contained file with the runtime and wheels inlined: runs from disk with no network. */
    OFFLINE,
    /** A folder for static hosting: content-hashed runtime and wheels plus a caching service worker. */
    SITE,
    /** The saved outputs only, no Python runtime. */
    STATIC;

    /** Parses a CLI spelling ({@code linked}, {@code offline}, {@code site}, {@code static}). */
    public static ExportMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ExportException("unknown export mode '" + name + "' (use linked, offline, site or static)");
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
