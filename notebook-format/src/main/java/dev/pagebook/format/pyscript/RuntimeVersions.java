package dev.pagebook.format.pyscript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The PyScript and Pyodide releases exports pin to, filtered in from the parent pom. */
public record RuntimeVersions(String pyscriptCore, String pyodide) {

    public static RuntimeVersions bundled() {
        try (InputStream in = RuntimeVersions.class.getResourceAsStream("runtime-versions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return new RuntimeVersions(properties.getProperty("pyscript.core.version"),
                    properties.getProperty("pyodide.version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String coreUrl() {
        return "https://cdn.jsdelivr.net/npm/@pyscript/core@" + pyscriptCore + "/dist/core.js";
    }

    public String coreCssUrl() {
        return "https://cdn.jsdelivr.net/npm/@pyscript/core@" + pyscriptCore + "/dist/core.css";
    }

    /** Pyodide's CDN folder holding the runtime, its lock file and every package wheel. */
    public String pyodideCdnBase() {
        return "https://cdn.jsdelivr.net/pyodide/v" + pyodide + "/full/";
    }
}
