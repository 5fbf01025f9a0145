package dev.pagebook.app.cli;

import dev.pagebook.format.NotebookFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the commands that read one file and write another. */
final class CliFiles {
    private CliFiles() {
    }

    /** The input is never modified: writing the output onto it is refused. */
    static void refuseOverwritingInput(Path input, Path output) throws NotebookFormatException {
        try {
            if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
                throw new NotebookFormatException(output + ": is the input file; choose another output (the input is never modified)");
            }
        } catch (IOException e) {
            throw new NotebookFormatException(output + ": cannot check the output path (" + e.getMessage() + ")");
        }
    }
}
