package dev.pagebook.format.pyscript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local copy of the browser runtime: PyScript core (bundled into one module) and Pyodide from
 * npm, plus a folder of Pyodide package wheels. {@code notebook-format/setup.d/pyscript-assets.sh}
 * fills it; wheels missing at export time are downloaded into it.
 */
public record RuntimeAssets(Path cache, RuntimeVersions versions) {

    /** Files of the Pyodide npm package an offline or site export carries. */
    public static final List<String> PYODIDE_FILES =
            List.of("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json");

    public static RuntimeAssets fromDefaultCache() {
        String override = System.getenv("PAGEBOOK_CACHE");
        Path cache = override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "pagebook");
        return new RuntimeAssets(cache, RuntimeVersions.bundled());
    }

    public Path coreDir() {
        return cache.resolve("pyscript").resolve("core-" + versions.pyscriptCore());
    }

    public Path coreBundle() {
        return coreDir().resolve("pyscript-core.bundle.js");
    }

    public Path coreCss() {
        return coreDir().resolve("dist").resolve("core.css");
    }

    public Path pyodideDir() {
        return cache.resolve("pyodide").resolve(versions.pyodide());
    }

    public Path pyodideFile(String name) {
        return pyodideDir().resolve(name);
    }

    public Path packagesDir() {
        return pyodideDir().resolve("packages");
    }

    /** Fails with the command that fetches the runtime when any part of it is missing. */
    public void requireRuntime() {
        List<Path> needed = new java.util.ArrayList<>(List.of(coreBundle(), coreCss()));
        PYODIDE_FILES.forEach(name -> needed.add(pyodideFile(name)));
        for (Path file : needed) {
            if (!Files.isRegularFile(file)) {
                throw new ExportException("the PyScript runtime is not in " + cache + " (missing " + file.getFileName()
                        + "): run bin/setup (or notebook-format/setup.d/pyscript-assets.sh) to fetch @pyscript/core "
                        + versions.pyscriptCore() + " and pyodide " + versions.pyodide() + " from npm");
            }
        }
    }
}
