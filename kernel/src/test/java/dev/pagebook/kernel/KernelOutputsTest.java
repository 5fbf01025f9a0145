package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pagebook.format.model.Output;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every output type, tracebacks and faults, on one shared kernel. */
class KernelOutputsTest {

    private static GraalPyKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false));
        kernel.ready().get(2, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    static RecordingSink run(String code) throws Exception {
        RecordingSink sink = new RecordingSink();
        kernel.execute("c", code, sink).get(2, TimeUnit.MINUTES);
        return sink;
    }

    static ExecutionReply run(String code, RecordingSink sink) throws Exception {
        return kernel.execute("c", code, sink).get(2, TimeUnit.MINUTES);
    }

    @Test
    void streamsAndLastExpression() throws Exception {
        RecordingSink sink = new RecordingSink();
        ExecutionReply reply = run("import sys\nprint('out')\nprint('err', file=sys.stderr)\n6 * 7", sink);
        assertThat(reply.status()).isEqualTo(ExecutionReply.Status.OK);
        assertThat(reply.executionCount()).isPositive();
        assertThat(sink.stdout()).isEqualTo("out\n");
        assertThat(sink.stderr()).isEqualTo("err\n");
        List<Output.ExecuteResult> results = sink.all(Output.ExecuteResult.class);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.data()).containsEntry("text/plain", "42");
            assertThat(r.executionCount()).isEqualTo(reply.executionCount());
        });
    }

    @Test
    void executionCountsIncrease() throws Exception {
        int first = kernel.execute("c", "1", new RecordingSink()).get().executionCount();
        int second = kernel.execute("c", "2", new RecordingSink()).get().executionCount();
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void trailingSemicolonAndNoneShowNothing() throws Exception {
        assertThat(run("1 + 1;").outputs()).isEmpty();
        assertThat(run("None").outputs()).isEmpty();
    }

    @Test
    void displayFollowsIpythonReprRules() throws Exception {
        RecordingSink sink = run("""
                class Both:
                    def _repr_html_(self): return '<b>html</b>'
                    def _repr_svg_(self): return '<svg/>'
                    def __repr__(self): return 'Both()'
                class Bundle:
                    def _repr_mimebundle_(self, include=None, exclude=None):
                        return {'text/markdown': '# md', 'application/json': {'a': 1}}
                class Png:
                    def _repr_png_(self): return b'\\x89PNG'
                class Js:
                    def _repr_json_(self): return {'k': [1, 2]}
                display(Both(), Bundle(), Png(), Js())
                """);
        List<Output.DisplayData> shown = sink.all(Output.DisplayData.class);
        assertThat(shown).hasSize(4);
        assertThat(shown.get(0).data()).containsEntry("text/html", "<b>html</b>")
                .containsEntry("image/svg+xml", "<svg/>").containsEntry("text/plain", "Both()");
        assertThat(shown.get(1).data()).containsEntry("text/markdown", "# md")
                .containsEntry("application/json", "{\"a\": 1}").containsKey("text/plain");
        assertThat(Base64.getDecoder().decode(shown.get(2).data().get("image/png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(shown.get(3).data()).containsEntry("application/json", "{\"k\": [1, 2]}");
    }

    @Test
    void richLastExpressionIsExecuteResult() throws Exception {
        RecordingSink sink = run("from pagebook_kernel.display import HTML\nHTML('<i>x</i>')");
        assertThat(sink.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/html", "<i>x</i>"));
    }

    @Test
    void clearOutputReachesTheSink() throws Exception {
        RecordingSink sink = run("print('gone')\nfrom pagebook_kernel.display import clear_output\nclear_output()\nprint('kept')");
        assertThat(sink.clears()).isEqualTo(1);
        assertThat(sink.stdout()).isEqualTo("kept\n");
    }

    @Test
    void tracebackUsesTheCellsOwnLineNumbers() throws Exception {
        RecordingSink sink = run("x = 1\n\ndef f():\n    return 1 / 0\n\nf()\n");
        Output.Error error = sink.error();
        assertThat(error.ename()).isEqualTo("ZeroDivisionError");
        String traceback = String.join("\n", error.traceback());
        assertThat(traceback).contains("line 6, in <module>").contains("line 4, in f").contains("return 1 / 0")
                .doesNotContain("pagebook_kernel").doesNotContain("shell.py");
    }

    @Test
    void aFreshKernelLoadsNoHeavyModulesYetShowsEarlierCellsSourcesOnceLinecacheIsImported() throws Exception {
        GraalPyKernel fresh = GraalPyKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false));
        try {
            RecordingSink first = new RecordingSink();
            fresh.execute("a", "def f():\n    return 'from cell a'\n"
                    + "import sys\nsorted(m for m in ('os', 're', 'json', 'enum', 'ast', 'linecache', 'tokenize', 'traceback')"
                    + " if m in sys.modules)", first).get(2, TimeUnit.MINUTES);
            assertThat(first.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "[]"));

            // The first import of linecache (here through inspect) receives every earlier cell's source.
            RecordingSink second = new RecordingSink();
            fresh.execute("b", "import inspect, warnings\nprint(inspect.getsource(f), end='')\n"
                    + "warnings.warn('careful')\n", second).get(2, TimeUnit.MINUTES);
            assertThat(second.stdout()).isEqualTo("def f():\n    return 'from cell a'\n");
            assertThat(second.stderr()).contains("UserWarning: careful").contains("warnings.warn('careful')");
        } finally {
            fresh.close();
        }
    }

    @Test
    void syntaxErrorPointsAtTheLine() throws Exception {
        Output.Error error = run("a = 1\nb = (\n").error();
        assertThat(error.ename()).isEqualTo("SyntaxError");
        assertThat(String.join("\n", error.traceback())).contains("line 2").doesNotContain("shell.py");
    }

    @Test
    void anUnexpectedIndentPointsAtItsOwnLine() throws Exception {
        Output.Error error = run("\nx = 1\nprint(x)\n    y = 2\nz = 3\n").error();
        assertThat(error.ename()).isEqualTo("IndentationError");
        assertThat(String.join("\n", error.traceback())).contains("line 4").contains("y = 2").doesNotContain("x = 1");
        Output.Error first = run("  a = 1\n").error();
        assertThat(String.join("\n", first.traceback())).contains("line 1").contains("a = 1");
        Output.Error other = run("if True:\nb = 2\n").error();
        assertThat(String.join("\n", other.traceback())).contains("line 2").contains("expected an indented block");
    }

    @Test
    void systemExitAndOsExitEndOnlyTheCell() throws Exception {
        assertThat(run("import sys\nsys.exit(3)").error().ename()).isEqualTo("SystemExit");
        Output.Error exit = run("import os\nos._exit(4)").error();
        assertThat(exit.ename()).isEqualTo("SystemExit");
        assertThat(String.join("\n", exit.traceback())).as("the kernel's own os._exit is not the user's code")
                .contains("os._exit(4)").doesNotContain("pagebook_kernel");
        assertThat(run("'alive'").all(Output.ExecuteResult.class)).isNotEmpty();
    }

    @Test
    void infiniteRecursionIsARecursionError() throws Exception {
        Output.Error error = run("def f(n):\n    return f(n + 1)\nf(0)").error();
        assertThat(error.ename()).isEqualTo("RecursionError");
        assertThat(run("'alive'").all(Output.ExecuteResult.class)).isNotEmpty();
    }

    @Test
    void missingPackageNamesItAndHowToInstall() throws Exception {
        Output.Error error = run("import sklearn").error();
        assertThat(error.ename()).isEqualTo("ModuleNotFoundError");
        assertThat(error.evalue()).contains("scikit-learn").contains("%pip install scikit-learn");
    }

    @Test
    void hugeOutputIsTruncatedWithAMarker() throws Exception {
        long before = System.nanoTime();
        // 100 MB of prints; the kernel keeps the first streamCap characters.
        RecordingSink sink = run("line = 'x' * 99\nfor i in range(1_000_000):\n    print(line)\n'done'");
        assertThat(sink.stdout().length()).isEqualTo((int) KernelOptions.DEFAULT_STREAM_CAP);
        assertThat(sink.stderr()).contains("[output truncated");
        assertThat(sink.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "'done'"));
        System.out.printf("100 MB of prints took %d ms%n", (System.nanoTime() - before) / 1_000_000);
    }

    @Test
    void printsStreamWhileTheCellRuns() throws Exception {
        RecordingSink sink = new RecordingSink();
        long start = System.nanoTime();
        kernel.execute("c", "import time\nfor i in range(3):\n    print(i)\n    time.sleep(0.3)", sink).get();
        long end = System.nanoTime();
        List<RecordingSink.Timed> timed = sink.timed();
        assertThat(sink.stdout()).isEqualTo("0\n1\n2\n");
        // The first line arrived long before the cell ended.
        assertThat(timed.get(0).nanos()).isLessThan(end - TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(timed.get(0).nanos() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void completesInspectsAndListsVariables() throws Exception {
        run("import math\nalpha_value = [1, 2, 3]\nclass Wrapped:\n    def __repr__(self): return 'one\\n    two'\n"
                + "wrapped = Wrapped()\ndef alpha_fn(x, y=2):\n    'Adds.'\n    return x + y");
        assertThat(kernel.complete("alpha_", 6)).extracting(Completion::text)
                .contains("alpha_value", "alpha_fn");
        // Functions without parameters are named, never called: os.getpgrp() would fail here, os.fork() worse.
        assertThat(kernel.complete("import os\nos.getp", 17)).extracting(Completion::text, Completion::type)
                .contains(tuple("os.getpid", "function"), tuple("os.getpgrp", "function"));
        assertThat(kernel.complete("x = math.sq", 11)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("math.sqrt");
            assertThat(c.start()).isEqualTo(4);
            assertThat(c.end()).isEqualTo(11);
        });
        assertThat(kernel.inspect("alpha_fn(1)", 3)).get().asString()
                .contains("alpha_fn(x, y=2)").contains("Adds.");
        assertThat(kernel.variables()).filteredOn(v -> v.name().equals("alpha_value")).singleElement()
                .satisfies(v -> {
                    assertThat(v.type()).isEqualTo("list");
                    assertThat(v.shortRepr()).isEqualTo("[1, 2, 3]");
                    assertThat(v.size()).isEqualTo("3");
                });
        assertThat(kernel.variables()).filteredOn(v -> v.name().equals("wrapped")).singleElement()
                .satisfies(v -> assertThat(v.shortRepr()).as("one line for the table").isEqualTo("one two"));
        assertThat(kernel.variables()).extracting(VariableInfo::name).doesNotContain("math", "display");
    }
}
