package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPython's everyday magics in the real kernel: timing, shell commands, cell magics, clear errors. */
class MagicsTest {

    @TempDir
    static Path folder;
    private static GraalPyKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false).withWorkingDirectory(folder));
        kernel.ready().get(3, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    private static RecordingSink run(String code) throws Exception {
        RecordingSink sink = new RecordingSink();
        kernel.execute("m", code, sink).get(2, TimeUnit.MINUTES);
        return sink;
    }

    @Test
    void timeRunsTheStatementInTheNamespaceAndReportsItsTimes() throws Exception {
        RecordingSink sink = run("%time squares = [i * i for i in range(1000)]\nlen(squares)");
        assertThat(sink.stdout()).matches("(?s)CPU times: total: [0-9.]+ [mµn]?s\nWall time: [0-9.]+ [mµn]?s\n");
        assertThat(sink.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(result -> assertThat(result.data()).containsEntry("text/plain", "1000"));

        assertThat(run("%time 6 * 7").all(Output.ExecuteResult.class)).singleElement()
                .satisfies(result -> assertThat(result.data()).containsEntry("text/plain", "42"));
        // Inside a function the statement sees the function's own variables.
        assertThat(run("def f(n):\n    %time print(sum(range(n)))\nf(5)").stdout())
                .matches("(?s)10\nCPU times: total: .*\nWall time: .*\n");
    }

    @Test
    void timeitRepeatsAsAskedAndPrintsIPythonsSummary() throws Exception {
        assertThat(run("%timeit -n 3 -r 2 sum(range(10))").stdout())
                .matches("[0-9.]+ [mµn]?s ± [0-9.]+ [mµn]?s per loop \\(mean ± std\\. dev\\. of 2 runs, 3 loops each\\)\n");
        assertThat(run("%%timeit -n 2 -r 1 base = 10\ntotal = base * 2").stdout())
                .matches("[0-9.]+ [mµn]?s ± [0-9.]+ [mµn]?s per loop \\(mean ± std\\. dev\\. of 1 run, 2 loops each\\)\n");
    }

    @Test
    void aShellCommandGetsPythonsValuesAndItsOutputShowsInTheCell() throws Exception {
        RecordingSink sink = run("for word in ['one', 'two']:\n    !echo {word} from the shell, {len(word)} letters\n!echo done 1>&2");
        assertThat(sink.stdout()).isEqualTo("one from the shell, 3 letters\ntwo from the shell, 3 letters\ndone\n");
    }

    @Test
    void cellMagicsShowHtmlWriteFilesAndTimeTheWholeCell() throws Exception {
        RecordingSink html = run("%%html\n<b>bold</b> text");
        assertThat(html.all(Output.DisplayData.class)).singleElement()
                .satisfies(shown -> assertThat(shown.data()).containsEntry("text/html", "<b>bold</b> text"));

        assertThat(run("%%writefile written_helper.py\nVALUE = 'from %%writefile'").stdout())
                .isEqualTo("Writing written_helper.py\n");
        assertThat(Files.readString(folder.resolve("written_helper.py"))).isEqualTo("VALUE = 'from %%writefile'\n");
        assertThat(run("import written_helper\nprint(written_helper.VALUE)").stdout()).isEqualTo("from %%writefile\n");

        RecordingSink timed = run("%%time\nx = 20\nx + 22");
        assertThat(timed.stdout()).startsWith("CPU times: ");
        assertThat(timed.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(result -> assertThat(result.data()).containsEntry("text/plain", "42"));
    }

    @Test
    void errorsInsideATimedCellKeepTheCellsLineNumbers() throws Exception {
        Output.Error error = run("%%time\nx = 1\n\n1 / 0").error();
        assertThat(error.ename()).isEqualTo("ZeroDivisionError");
        assertThat(String.join("\n", error.traceback())).contains("line 4").doesNotContain("magics.py");
        // A cell magic after blank lines still counts, and so do its lines.
        assertThat(String.join("\n", run("\n%%time\nx = 1\n1 / 0").error().traceback())).contains("line 4");
    }

    @Test
    void anUnknownMagicSaysWhatThereIs() throws Exception {
        Output.Error error = run("%load_ext autoreload\n%nosuch 1").error();
        assertThat(error.ename()).isEqualTo("UsageError");
        assertThat(error.evalue()).startsWith("Line magic function `%nosuch` not found. Pagebook has %time, %timeit");
    }

    @Test
    void textThatOnlyLooksLikeAMagicStaysText() throws Exception {
        RecordingSink sink = run("doc = '''\n%d items\n!not a command\n'''\nn = (7\n%4)\nprint(repr(doc), n, 5 != 4)");
        assertThat(sink.stdout()).isEqualTo("'\\n%d items\\n!not a command\\n' 3 True\n");
    }

    @Test
    void whoListsTheUsersNamesOnly() throws Exception {
        run("alpha = 1\nbeta = 'b'\n_private = 3");
        assertThat(run("%who").stdout()).contains("alpha\tbeta").doesNotContain("_private", "__pagebook", "display");
        assertThat(kernel.variables()).extracting(VariableInfo::name).doesNotContain("__pagebook_magics__");
    }

    @Test
    void pwdAndCdFollowTheWorkingDirectory() throws Exception {
        Files.createDirectories(folder.resolve("sub"));
        assertThat(run("%cd sub").stdout()).isEqualTo(folder.resolve("sub").toRealPath() + "\n");
        assertThat(run("%pwd").all(Output.ExecuteResult.class).get(0).data().get("text/plain"))
                .isEqualTo("'" + folder.resolve("sub").toRealPath() + "'");
        run("%cd ..");
        assertThat(List.of(run("import os\nprint(os.getcwd())").stdout())).containsExactly(folder.toRealPath() + "\n");
    }

    @Test
    void magicsAreCompletedByName() {
        assertThat(kernel.complete("x = 1\n%ti", 9)).extracting(Completion::text).containsExactly("%time", "%timeit");
        assertThat(kernel.complete("%%w", 3)).singleElement()
                .satisfies(c -> assertThat(c).isEqualTo(new Completion("%%writefile", "magic", 0, 3)));
    }
}
