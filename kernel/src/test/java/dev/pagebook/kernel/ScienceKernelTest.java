package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.host.HostCommand;
import dev.pagebook.kernel.host.HostedKernel;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy and matplotlib for real, from the venv of kernel/science/build-venv.sh (CI builds it in
 * bin/setup; without it these tests are skipped, visibly).
 */
class ScienceKernelTest {

    private static Path venv() {
        Path venv = ScienceVenv.find().orElse(null);
        assumeTrue(venv != null, "no science venv: run kernel/science/build-venv.sh");
        return venv;
    }

    private static RecordingSink run(Kernel kernel, String code) throws Exception {
        RecordingSink sink = new RecordingSink();
        ExecutionReply reply = kernel.execute("s", code, sink).get(5, TimeUnit.MINUTES);
        assertThat(reply.status()).as("%s", sink.outputs()).isEqualTo(ExecutionReply.Status.OK);
        return sink;
    }

    @Test
    void kernelHostsOfTwoNotebooksBothUseNumpyAndMatplotlibAlsoAfterARestart() throws Exception {
        HostCommand command = HostCommand.ofThisProcess().orElseThrow();
        KernelOptions options = KernelOptions.defaults().withVenv(venv()).withWarmStandby(false);
        try (HostedKernel first = HostedKernel.start(options, command);
             HostedKernel second = HostedKernel.start(options.withWarmImports(List.of("numpy")), command)) {
            String cell = "import numpy as np\nimport matplotlib.pyplot as plt\nplt.plot(np.arange(4))\nint(np.arange(10).sum())";
            numpyAndAFigureIn(first, cell);
            numpyAndAFigureIn(second, cell);
            long before = first.hostPid();
            first.restart().get(3, TimeUnit.MINUTES);
            assertThat(first.hostPid()).isNotEqualTo(before);
            numpyAndAFigureIn(first, cell);
        }
    }

    private static void numpyAndAFigureIn(HostedKernel kernel, String cell) throws Exception {
        kernel.ready().get(3, TimeUnit.MINUTES);
        RecordingSink sink = run(kernel, cell);
        assertThat(sink.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "45"));
        assertThat(sink.all(Output.DisplayData.class)).singleElement()
                .satisfies(d -> assertThat(d.data()).containsKey("image/png"));
    }

    @Test
    void numpyComputesAndMatplotlibDrawsPngAndOnRequestSvg() throws Exception {
        try (GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(venv()).withWarmStandby(false))) {
            RecordingSink numbers = run(kernel, "import numpy as np\nnp.arange(10).reshape(2, 5).sum(axis=1).tolist()");
            assertThat(numbers.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "[10, 35]"));

            RecordingSink shown = run(kernel, """
                    import matplotlib.pyplot as plt
                    plt.plot([1, 2, 3], [3, 1, 2])
                    plt.title("shown")
                    plt.show()
                    fig, ax = plt.subplots()
                    ax.bar([1, 2], [3, 4])
                    """);
            // plt.show() displays the first figure; the second is still open when the cell ends.
            // PNG only by default, as in Jupyter.
            assertThat(shown.all(Output.DisplayData.class)).hasSize(2).allSatisfy(d -> {
                byte[] png = Base64.getDecoder().decode(d.data().get("image/png"));
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                assertThat(d.data()).doesNotContainKey("image/svg+xml");
            });
            RecordingSink last = run(kernel, """
                    %config InlineBackend.figure_formats = ["png", "svg"]
                    fig, ax = plt.subplots()
                    ax.plot([0, 1])
                    fig""");
            assertThat(last.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data().get("image/svg+xml")).contains("<svg"))
                    .satisfies(r -> assertThat(r.data()).containsKey("image/png"));
            assertThat(last.all(Output.DisplayData.class)).isEmpty();
        }
    }

    @Test
    void aFigureDrawnOnceAndCroppedMatchesSavefigTight() throws Exception {
        try (GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(venv()).withWarmStandby(false))) {
            RecordingSink sizes = run(kernel, """
                    import io
                    import matplotlib.pyplot as plt
                    from PIL import Image
                    from pagebook_kernel import mpl_backend
                    def sizes(fig):
                        fast = Image.open(io.BytesIO(mpl_backend._png_from_one_draw(fig))).size
                        out = io.BytesIO()
                        fig.savefig(out, format="png", bbox_inches="tight")
                        return fast, Image.open(out).size
                    fig, ax = plt.subplots(layout="constrained")
                    ax.plot([1, 5, 2]); ax.set_title("Title"); ax.set_xlabel("x label")
                    near = sizes(fig)
                    wide, ax = plt.subplots()
                    ax.set_ylabel("a label far outside the axes", labelpad=80)
                    outside = mpl_backend._png_from_one_draw(wide)
                    [near, outside is None]
                    """);
            String text = sizes.all(Output.ExecuteResult.class).get(0).data().get("text/plain");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\\(\\((\\d+), (\\d+)\\), \\((\\d+), (\\d+)\\)\\), (\\w+)\\]").matcher(text);
            assertThat(m.matches()).as(text).isTrue();
            // The ink box and matplotlib's artist box differ by a few pixels of glyph padding at most.
            assertThat(Math.abs(Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(3)))).as(text).isLessThanOrEqualTo(6);
            assertThat(Math.abs(Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(4)))).as(text).isLessThanOrEqualTo(6);
            assertThat(m.group(5)).as("a label past the canvas edge falls back to savefig").isEqualTo("True");
        }
    }

    /**
     * artist_docs: a context that finds the memo sets every docstring and signature of matplotlib's
     * modules exactly as the context that inspected the classes and wrote the memo.
     */
    @Test
    void matplotlibsDocstringsFromTheArtistMemoEqualInspectedOnes(@TempDir Path config) throws Exception {
        String snapshot = """
                import os, re, shutil, sys
                os.environ["MPLCONFIGDIR"] = %s
                fonts = os.path.expanduser("~/.cache/matplotlib/fontlist-v390.json")
                if os.path.exists(fonts):
                    shutil.copy(fonts, os.environ["MPLCONFIGDIR"])
                import matplotlib.pyplot
                from matplotlib.lines import Line2D
                from pagebook_kernel import artist_docs
                class Mine(Line2D):
                    def set_sparkle(self, value):
                        "Sparkle.\\n\\nACCEPTS: how much"
                def snapshot():
                    docs = {}
                    for name, module in list(sys.modules.items()):
                        if module is None or not name.startswith(("matplotlib", "mpl_toolkits")):
                            continue
                        for attr, obj in list(vars(module).items()):
                            if isinstance(obj, type) or callable(obj) and hasattr(obj, "__code__"):
                                docs[f"{name}.{attr}"] = str(obj.__doc__)
                            if isinstance(obj, type):
                                for key, value in list(vars(obj).items()):
                                    if hasattr(value, "__code__"):
                                        docs[f"{name}.{attr}.{key}"] = str(value.__doc__)
                                        docs[f"{name}.{attr}.{key}()"] = re.sub(
                                            r" at 0x[0-9a-f]+", "", str(getattr(value, "__signature__", "")))
                    return docs
                docs = snapshot()
                mine = "sparkle" in Mine.set.__signature__.parameters and "sparkle: how much" in Mine.set.__doc__
                """.formatted("'" + config + "'");
        try (GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(venv()).withWarmStandby(false))) {
            RecordingSink recording = run(kernel, snapshot + """
                    import marshal
                    with open(os.path.join(os.environ["MPLCONFIGDIR"], "inspected"), "wb") as f:
                        marshal.dump(docs, f)
                    (artist_docs._memo._loaded, len(docs) > 10000, mine)""");
            assertThat(recording.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "(0, True, True)"));
            try (var files = java.nio.file.Files.list(config)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("written after the cell")
                        .anyMatch(f -> f.startsWith("pagebook-artist-docs-"));
            }

            kernel.restart().get(5, TimeUnit.MINUTES);
            RecordingSink replaying = run(kernel, snapshot + """
                    import marshal
                    with open(os.path.join(os.environ["MPLCONFIGDIR"], "inspected"), "rb") as f:
                        inspected = marshal.load(f)
                    differ = sorted(k for k in set(docs) | set(inspected) if docs.get(k) != inspected.get(k))
                    (artist_docs._memo._loaded > 100, differ[:5], mine)""");
            assertThat(replaying.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "(True, [], True)"));
        }
    }

    @Test
    void numpyWorksAfterARestartAndWarmImportsPreloadBothContexts() throws Exception {
        String loaded = "import sys\n('numpy' in sys.modules, 'np' in globals())";
        try (GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(venv())
                .withWarmImports(List.of("numpy")))) {
            assertThat(run(kernel, loaded).all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "(True, False)"));
            run(kernel, "import numpy as np\nnp.ones(3).sum()");
            kernel.restart().get(5, TimeUnit.MINUTES);
            assertThat(run(kernel, loaded).all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "(True, False)"));
            RecordingSink again = run(kernel, "import numpy as np\nfloat(np.ones(4).sum())");
            assertThat(again.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "4.0"));
        }
    }

    @Test
    void twoKernelsUseNumpyAtOnceAndAKernelStartedWithoutTheVenvGetsIt() throws Exception {
        Path venv = venv();
        try (GraalPyKernel a = GraalPyKernel.start(KernelOptions.defaults().withVenv(venv).withWarmStandby(false));
             GraalPyKernel b = GraalPyKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false))) {
            // b was started before the venv existed (first run); restartWithVenv gives it numpy.
            ExecutionReply without = b.execute("s", "import numpy", new RecordingSink()).get(5, TimeUnit.MINUTES);
            assertThat(without.status()).isEqualTo(ExecutionReply.Status.ERROR);
            b.restartWithVenv(venv).get(5, TimeUnit.MINUTES);
            RecordingSink fromA = run(a, "import numpy as np\nint(np.arange(5).sum())");
            RecordingSink fromB = run(b, "import numpy as np\nint(np.arange(6).sum())");
            assertThat(fromA.all(Output.ExecuteResult.class).get(0).data()).containsEntry("text/plain", "10");
            assertThat(fromB.all(Output.ExecuteResult.class).get(0).data()).containsEntry("text/plain", "15");
        }
    }

    /** An installed, read-only venv (root ignores permissions, so the copy is forced here). */
    @Test
    void aVenvTheUserCannotWriteIsUsedThroughAPrivateCopy() throws Exception {
        Path venv = venv();
        System.setProperty("pagebook.venv.privateCopy", "true");
        try (GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(venv).withWarmStandby(false))) {
            RecordingSink prefix = run(kernel, "import sys, numpy\nsys.prefix");
            assertThat(prefix.all(Output.ExecuteResult.class)).singleElement().satisfies(r -> assertThat(r.data().get("text/plain"))
                    .contains("private-").doesNotContain(venv.getFileName().toString()));
        } finally {
            System.clearProperty("pagebook.venv.privateCopy");
        }
    }
}
