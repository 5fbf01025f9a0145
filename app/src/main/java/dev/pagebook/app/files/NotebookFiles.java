package dev.pagebook.app.files;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.ipynb.IpynbReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;

/** Reading notebooks for the window: pages as they are, .ipynb files imported. Never runs code. */
public final class NotebookFiles {

    private NotebookFiles() {
    }

    /** Reads {@code file}; the exception's message is one line naming the file and the problem. */
    public static Notebook read(Path file) throws NotebookFormatException {
        if (!Files.isRegularFile(file)) {
            throw new NotebookFormatException(file + ": no such file");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            return IpynbReader.read(file);
        }
        return NotebookReader.read(file);
    }

    /** Whether saving to {@code file} would overwrite a non-page (an imported .ipynb): then ask for a new name. */
    public static boolean isPage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    /** The file's modification time, or null when it is gone (for noticing changes by other programs). */
    public static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
