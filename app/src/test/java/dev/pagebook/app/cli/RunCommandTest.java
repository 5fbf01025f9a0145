package dev.pagebook.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagebook run} through the real command line and the real GraalPy kernel. */
class RunCommandTest {

    @TempDir
    Path dir;

    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title>Params</title></head>
            <body>
            <h1>Report</h1>
            <script type="py" id="params" tags="parameters">
            rate = 1
            name = "nobody"
            </script>
            <p id="greeting">...</p>
            <script type="py" id="work">
            from pyscript import document
            document.getElementById("greeting").textContent = f"hello {name}"
            print(rate * 2)
            rate * 3
            </script>
            </body></html>
            """;

    @Test
    void runsEveryCellWithParametersAndSavesOutputsToTheOutputFile() throws Exception {
        Path in = dir.resolve("nb.html");
        Files.writeString(in, PAGE);
        Path out = dir.resolve("out.html");

        CliRun run = CliRun.run("run", in.toString(), "-o", out.toString(), "-p", "rate=7", "-p", "name=Ada");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(in)).isEqualTo(PAGE);
        Notebook result = NotebookReader.read(out);
        PythonCell work = result.pythonCell("work").orElseThrow();
        assertThat(work.outputs()).contains(new Output.Stream("stdout", "14\n"));
        assertThat(work.outputs()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Output.ExecuteResult.class,
                r -> assertThat(r.data()).containsEntry("text/plain", "21")));
        assertThat(work.outputs()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Output.DisplayData.class,
                d -> assertThat(d.data().get("text/html")).isEqualTo("hello Ada")));
        assertThat(work.executionCount()).isEqualTo(3);
        // The injected cell sits right after the parameters cell.
        assertThat(result.pythonCells()).extracting(PythonCell::id).element(1).asString()
                .startsWith("injected-parameters");
        // The HTML cell's source is unchanged: the DOM change travels as the cell's output.
        assertThat(Files.readString(out)).contains("<p id=\"greeting\">...</p>");
    }

    @Test
    void aFailingCellExitsOneWithItsTraceback() throws Exception {
        Path in = dir.resolve("bad.html");
        Files.writeString(in, "<html><body><script type=\"py\" id=\"a\">x = 1</script>"
                + "<script type=\"py\" id=\"b\">y = 2\n\ndef f():\n    return 1 / 0\nf()\n</script></body></html>");
        CliRun run = CliRun.run("run", in.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cell 'b' failed").contains("line 4, in f").contains("line 5, in <module>")
                .contains("ZeroDivisionError");
        assertThat(NotebookReader.read(in).pythonCell("b").orElseThrow().outputs())
                .anySatisfy(o -> assertThat(o).isInstanceOf(Output.Error.class));
    }

    @Test
    void inputInABatchRunFailsSayingHowToGiveTheValue() throws Exception {
        Path in = dir.resolve("asks.html");
        Files.writeString(in, "<html><body><script type=\"py\" id=\"a\">name = input('Name? ')</script></body></html>");
        CliRun run = CliRun.run("run", in.toString(), "-o", dir.resolve("o.html").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("EOFError: input() got no answer: a batch run has nobody to type an answer")
                .contains("pagebook run -p NAME=VALUE");
    }

    @Test
    void aCellOverTheTimeoutIsInterrupted() throws Exception {
        Path in = dir.resolve("slow.html");
        Files.writeString(in, "<html><body><script type=\"py\" id=\"a\">while True: pass</script></body></html>");
        long start = System.nanoTime();
        CliRun run = CliRun.run("run", in.toString(), "-o", dir.resolve("o.html").toString(), "--timeout", "2");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("TimeoutError");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(60);
    }

    @Test
    void badInputExitsTwo() throws Exception {
        assertThat(CliRun.run("run", dir.resolve("missing.html").toString()).exit()).isEqualTo(2);
        Path in = dir.resolve("nb.html");
        Files.writeString(in, PAGE);
        CliRun bad = CliRun.run("run", in.toString(), "-p", "not an identifier=3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("NAME=VALUE");
    }
}
