package dev.pagebook.format.pyscript;

import java.nio.file.Path;
import java.util.List;

/**
 * The wheels a page needs and the Pyodide lock file that lists exactly them (with the checksums
 * of the files actually shipped).
 *
 * @param names    the names to pass to Pyodide's {@code loadPackage}, dependencies included
 * @param wheels   the wheel files, one per name
 * @param lockJson a {@code pyodide-lock.json} for these wheels
 * @param notes    one-line remarks for the user
 */
public record BrowserPackages(List<String> names, List<Path> wheels, String lockJson, List<String> notes) {
    public BrowserPackages {
        names = List.copyOf(names);
        wheels = List.copyOf(wheels);
        notes = List.copyOf(notes);
    }
}
