package dev.pagebook.format.pyscript;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param page     the HTML page to open
 * @param files    every file written (the page alone except for {@code site})
 * @param bytes    their total size
 * @param packages the Python packages the page loads (with their versions), empty without Python
 * @param notes    things the user should know, one line each
 */
public record ExportResult(Path page, List<Path> files, long bytes, List<String> packages, List<String> notes) {
    public ExportResult {
        files = List.copyOf(files);
        packages = List.copyOf(packages);
        notes = List.copyOf(notes);
    }
}
