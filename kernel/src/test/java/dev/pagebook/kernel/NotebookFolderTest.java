package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell sees the files and modules next to its notebook; opening the notebook runs none of them. */
class NotebookFolderTest {

    @Test
    void cellsImportModulesNextToTheNotebookButWarmImportsNever(@TempDir Path folder) throws Exception {
        Path marker = folder.resolve("ran");
        Files.writeString(folder.resolve("helpers.py"), "ANSWER = 42\n");
        // A module named like a warm import: loading it ahead of the cells would run the notebook's code.
        Files.writeString(folder.resolve("numpy.py"),
                "open(" + pythonString(marker) + ", 'w').close()\nLOCAL = True\n");
        KernelOptions options = KernelOptions.defaults().withVenv(null).withWarmStandby(false)
                .withWorkingDirectory(folder).withWarmImports(List.of("numpy"));
        try (GraalPyKernel kernel = GraalPyKernel.start(options)) {
            kernel.ready().get(3, TimeUnit.MINUTES);
            assertThat(marker).doesNotExist();

            RecordingSink sink = new RecordingSink();
            kernel.execute("c", "import helpers, sys\nprint(helpers.ANSWER, sys.path[-1] == '')", sink).get(2, TimeUnit.MINUTES);
            assertThat(sink.stdout()).isEqualTo("42 True\n");
        }
    }

    private static String pythonString(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
