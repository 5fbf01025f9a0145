package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagebook.format.model.Output;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

    private static RecordingSink run(GraalPyKernel kernel, String code) throws Exception {
        RecordingSink sink = new RecordingSink();
        ExecutionReply reply = kernel.execute("s", code, sink).get(5, TimeUnit.MINUTES);
        assertThat(reply.status()).as("%s", sink.outputs()).isEqualTo(ExecutionReply.Status.OK);
        return sink;
    }

    @Test
    void numpyComputesAndMatplotlibDrawsPngAndSvg() throws Exception {
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
            assertThat(shown.all(Output.DisplayData.class)).hasSize(2).allSatisfy(d -> {
                byte[] png = Base64.getDecoder().decode(d.data().get("image/png"));
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                assertThat(d.data().get("image/svg+xml")).contains("<svg");
            });
            RecordingSink last = run(kernel, "fig, ax = plt.subplots()\nax.plot([0, 1])\nfig");
            assertThat(last.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsKeys("image/png", "image/svg+xml"));
            assertThat(last.all(Output.DisplayData.class)).isEmpty();
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
