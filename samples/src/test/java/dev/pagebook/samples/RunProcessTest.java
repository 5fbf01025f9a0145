package dev.pagebook.samples;

import static dev.pagebook.samples.PagebookCli.pagebook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagebook run} as its own process, whose kernel has a polyglot engine of its own (a sole
 * kernel, which cannot restart): a cell calling {@code os._exit} ends that cell and the run, and
 * the process itself exits with the run's status.
 */
class RunProcessTest {

    @TempDir
    Path tmp;

    @Test
    void aCellThatExitsThePythonProcessEndsTheRunAndKeepsWhatCameBefore() throws Exception {
        Path notebook = tmp.resolve("exits.html");
        Files.writeString(notebook, """
                <!doctype html>
                <html><body>
                <h1>Exits</h1>
                <script type="py" id="before">print("before the exit")</script>
                <script type="py" id="exit">
                import os
                os._exit(3)
                </script>
                <script type="py" id="after">print("never run")</script>
                </body></html>
                """);
        Path out = tmp.resolve("exits.out.html");

        PagebookCli.Result result = pagebook("run", notebook.toString(), "-o", out.toString());

        assertThat(result.exit()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).contains("cell 'exit' failed").contains("os._exit(3)").contains("SystemExit: 3")
                .doesNotContain("pagebook_kernel");
        SavedPage page = SavedPage.read(out);
        assertThat(page.stream("before", "stdout")).isEqualTo("before the exit\n");
        assertThat(page.outputs("exit")).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Output.Error.class,
                e -> assertThat(e.ename()).isEqualTo("SystemExit")));
        assertThat(page.outputs("after")).isEmpty();
    }
}
