package dev.pagebook.kernel.bench;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.host.HostCommand;
import dev.pagebook.kernel.host.HostedKernel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's speed figures, side by side with CPython ({@code python3}) on the same code in the
 * same run. Prints a table; asserts nothing. Run: {@code kernel/science/cpython-peer.sh && bin/build -q
 * -pl kernel test-compile exec:exec@benchmark}. The numpy/matplotlib rows need the science venv.
 */
public final class KernelBenchmark {

    private static final String[] PURE_PYTHON = {"nbody", "fannkuch", "richards", "dictstr"};
    /**
     * Best of 5 runs after 10 and after 35 warm-up runs. The Graal JIT compiles a benchmark's hot
     * functions over its first 10-25 runs (richards alone in a JVM: 0.018-0.045 s per run in runs
     * 4-18, 0.009-0.017 s from run 20 on, docs/kernel.md), so the row after 35 is the speed "after
     * warm-up" and the one after 10 shows how far warm-up has got by then.
     */
    private static final int EARLY_WARMUPS = 10;
    private static final int WARMUPS = 35;
    private static final int MEASURED = 5;
    /** Runs bench() WARMUPS + MEASURED times and prints each run's time (s), one per line. */
    private static final String HARNESS = """
            import time as _time
            for _ in range(%d):
                _t = _time.perf_counter()
                bench()
                print(_time.perf_counter() - _t)
            """;

    private static final int TRIVIAL_CELLS = 200;

    private final String python;
    private final boolean inProcess;
    private final Map<String, double[]> appKernelPurePython = new LinkedHashMap<>();

    private KernelBenchmark(String python, boolean inProcess) {
        this.python = python;
        this.inProcess = inProcess;
    }

    /** kernel/science/cpython-peer.sh's venv (CPython with the same numpy/matplotlib) if built, else python3. */
    private static String cpythonPeer() {
        String cache = System.getenv("PAGEBOOK_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.cache" : xdg) + "/pagebook";
        }
        Path peer = Path.of(cache, "science", "cpython-peer", "bin", "python");
        if (Files.isExecutable(peer)) {
            return peer.toString();
        }
        System.out.println("(CPython peer without numpy: run kernel/science/cpython-peer.sh for the numpy rows)");
        return "python3";
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean inProcess = Boolean.getBoolean("pagebook.kernel.inProcess");
        KernelBenchmark benchmark = new KernelBenchmark(System.getProperty("pagebook.cpython", cpythonPeer()), inProcess);
        Kernel kernel = benchmark.startKernel(KernelOptions.defaults());
        benchmark.run(kernel, jvmStart);
        kernel.close();
        benchmark.purePythonRows();
        System.exit(0);
    }

    /**
     * The app's kernel: in a kernel host JVM of its own (a sole kernel, as {@code pagebook run}
     * has it in its process), or with {@code -Dpagebook.kernel.inProcess=true} on this JVM's
     * shared engine, as the app ran kernels before.
     */
    private Kernel startKernel(KernelOptions options) {
        return inProcess ? GraalPyKernel.start(options) : HostedKernel.start(options, HostCommand.ofThisProcess().orElseThrow());
    }

    private static void awaitReady(Kernel kernel) throws Exception {
        (kernel instanceof HostedKernel hosted ? hosted.ready() : ((GraalPyKernel) kernel).ready()).get(5, TimeUnit.MINUTES);
    }

    private void run(Kernel kernel, long jvmStart) throws Exception {
        Cell first = execute(kernel, "1 + 1");
        double firstResult = (System.currentTimeMillis() - jvmStart) / 1000.0;
        System.out.printf("GraalPy %s, JIT: %s, %d cores, CPython: %s; the kernel: %s%n", pythonVersion(kernel),
                GraalPyKernel.compilerName(), Runtime.getRuntime().availableProcessors(), cpythonVersion(),
                inProcess ? "in this JVM, on its shared engine" : "in a kernel host JVM (the app's)");
        System.out.printf("%-44s %12s %12s %10s  %s%n", "figure", "GraalPy", "CPython", "ratio", "goal");
        double cpythonStart = cpythonSeconds("print(1 + 1)");
        row("kernel start to first result (JVM start)", firstResult, cpythonStart, "<= 2.5 s");
        if (!first.stdoutOrResult().contains("2")) {
            throw new IllegalStateException("first cell gave " + first.outputs);
        }

        double[] trips = new double[TRIVIAL_CELLS];
        for (int i = 0; i < trips.length; i++) {
            trips[i] = execute(kernel, "x = 1").wallSeconds;
        }
        Arrays.sort(trips);
        System.out.printf("%-44s %10.2f ms %12s %10s  %s%n", "trivial cell round trip (median of " + TRIVIAL_CELLS + ")",
                trips[trips.length / 2] * 1000, "-", "-", "<= 5 ms");

        for (String name : PURE_PYTHON) {
            appKernelPurePython.put(name, purePython(kernel, name));
        }

        if (KernelOptions.defaults().venv() == null) {
            System.out.println("numpy/matplotlib rows skipped: no venv (-Dpagebook.venv=DIR or $PAGEBOOK_VENV)");
        } else {
            science(kernel);
        }

        long before = System.nanoTime();
        kernel.restart().get(2, TimeUnit.MINUTES);
        double restart = (System.nanoTime() - before) / 1e9;
        Cell after = execute(kernel, "1 + 1");
        System.out.printf("%-44s %10.2f s  %12s %10s  %s%n", "restart to ready", restart, "-", "-", "<= 1 s");
        System.out.printf("%-44s %10.2f ms %12s %10s%n", "first cell after restart", after.wallSeconds * 1000, "-", "-");
    }

    private static String harness() {
        return HARNESS.formatted(WARMUPS + MEASURED);
    }

    private static double[] purePython(Kernel kernel, String name) throws Exception {
        execute(kernel, resource(name + ".py"));
        return runTimes(execute(kernel, harness()).stdout());
    }

    /**
     * The pure-Python rows, with CPython's times taken now: while GraalPy kernels
     * run, the compiler threads take the second core, and CPython measured between two kernel
     * runs was up to 1.7x slower than alone.
     */
    private void purePythonRows() throws Exception {
        Map<String, double[]> cpython = new LinkedHashMap<>();
        for (String name : PURE_PYTHON) {
            cpython.put(name, runTimes(cpythonOutput(resource(name + ".py") + "\n" + harness())));
        }
        purePythonRows("", appKernelPurePython, cpython);
    }

    private static void purePythonRows(String prefix, Map<String, double[]> graal, Map<String, double[]> cpythonTimes) {
        double product = 1;
        double earlyProduct = 1;
        for (String name : PURE_PYTHON) {
            double[] times = graal.get(name);
            double[] cpython = cpythonTimes.get(name);
            product *= bestOf(cpython, WARMUPS) / bestOf(times, WARMUPS);
            earlyProduct *= bestOf(cpython, EARLY_WARMUPS) / bestOf(times, EARLY_WARMUPS);
            row(prefix + name + " (best of 5 after 35)", bestOf(times, WARMUPS), bestOf(cpython, WARMUPS),
                    String.format(Locale.ROOT, "after 10: %.3f s, %.2fx", bestOf(times, EARLY_WARMUPS),
                            bestOf(cpython, EARLY_WARMUPS) / bestOf(times, EARLY_WARMUPS)));
        }
        System.out.printf("%-44s %12s %12s %9.2fx  %s%n", prefix + "geometric mean", "", "",
                Math.pow(product, 1.0 / PURE_PYTHON.length), ">= 5x CPython");
        System.out.printf("%-44s %12s %12s %9.2fx%n", "  the same, best of 5 after 10 runs", "", "",
                Math.pow(earlyProduct, 1.0 / PURE_PYTHON.length));
    }

    private void science(Kernel kernel) throws Exception {
        Cell imported = execute(kernel, "import numpy");
        if (!imported.ok()) {
            System.out.println("import numpy failed: " + imported.outputs);
            return;
        }
        row("import numpy (first in the process)", imported.reply.duration().toNanos() / 1e9,
                cpythonTimed("import numpy"), "<= 1.5 s");
        String figure = """
                import io
                import matplotlib
                matplotlib.use("Agg")
                import matplotlib.pyplot as plt
                fig, ax = plt.subplots()
                ax.plot([0, 1, 2, 3], [1, 3, 2, 4])
                buffer = io.BytesIO()
                fig.savefig(buffer, format="png")
                """;
        Cell fig = execute(kernel, "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([0, 1, 2, 3], [1, 3, 2, 4])\nfig");
        boolean png = fig.outputs.stream().anyMatch(o -> o instanceof Output.ExecuteResult r && r.data().containsKey("image/png"));
        row("first matplotlib figure to PNG" + (png ? "" : " (NO PNG!)"), fig.reply.duration().toNanos() / 1e9,
                cpythonTimed(figure), "<= 3 s");
        String heavy = """
                import numpy as np
                rng = np.random.default_rng(1)
                a = rng.random((400, 400))
                for _ in range(5):
                    b = a @ a
                s = np.linalg.svd(a, compute_uv=False)
                c = np.sort(rng.random(1_000_000))
                """;
        execute(kernel, heavy);
        double graal = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            graal = Math.min(graal, execute(kernel, heavy).reply.duration().toNanos() / 1e9);
        }
        double cpython = best(cpythonOutput("import time\nfor _ in range(4):\n    _t = time.perf_counter()\n"
                + heavy.indent(4) + "    print(time.perf_counter() - _t)\n"));
        row("numpy-heavy cell (matmul, svd, sort)", graal, cpython, "ratio");
        warmedKernel();
    }

    /** What the app does for a notebook that imports numpy/pyplot: a second kernel warms them up at boot. */
    private void warmedKernel() throws Exception {
        long start = System.nanoTime();
        try (Kernel warm = startKernel(KernelOptions.defaults().withWarmStandby(false)
                .withWarmImports(List.of("numpy", "matplotlib.pyplot")))) {
            awaitReady(warm);
            System.out.printf("%-44s %10.2f s  %12s %10s%n", "2nd kernel: boot + warm numpy, pyplot", (System.nanoTime() - start) / 1e9, "-", "-");
            Cell imported = execute(warm, "import numpy as np\nimport matplotlib.pyplot as plt");
            row("import numpy + pyplot after warm-up", imported.reply.duration().toNanos() / 1e9,
                    cpythonTimed("import numpy\nimport matplotlib.pyplot"), "<= 1.5 s");
            Cell fig = execute(warm, "fig, ax = plt.subplots()\nax.plot(np.arange(4), [1, 3, 2, 4])\nfig");
            boolean png = fig.outputs.stream().anyMatch(o -> o instanceof Output.ExecuteResult r && r.data().containsKey("image/png"));
            row("figure to PNG in a warmed kernel" + (png ? "" : " (NO PNG!)"), fig.reply.duration().toNanos() / 1e9, -1, "<= 3 s");
            Cell again = execute(warm, "fig, ax = plt.subplots()\nax.plot(np.arange(4), [4, 1, 3, 2])\nfig");
            row("next figure to PNG", again.reply.duration().toNanos() / 1e9, -1, "");
            if (warm instanceof HostedKernel hosted) {
                System.out.printf("%-44s %7d MB    %12s %10s%n", "its kernel host's memory (RSS)", residentMegabytes(hosted.hostPid()), "-", "-");
            }
            // Both kernels (and the first one's spare, if booted), with or without hosts.
            long total = residentMegabytes(ProcessHandle.current().pid()) + ProcessHandle.current().descendants()
                    .mapToLong(p -> residentMegabytes(p.pid())).sum();
            System.out.printf("%-44s %7d MB    %12s %10s%n", "memory of this JVM and its hosts (RSS)", total, "-", "-");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** VmRSS of a process, from /proc (Linux); 0 if unknown. */
    private static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private record Cell(ExecutionReply reply, List<Output> outputs, double wallSeconds) {
        boolean ok() {
            return reply.status() == ExecutionReply.Status.OK;
        }

        String stdout() {
            StringBuilder text = new StringBuilder();
            outputs.stream().filter(o -> o instanceof Output.Stream s && s.name().equals("stdout"))
                    .forEach(o -> text.append(((Output.Stream) o).text()));
            return text.toString();
        }

        String stdoutOrResult() {
            return stdout() + outputs.stream().filter(o -> o instanceof Output.ExecuteResult)
                    .map(o -> ((Output.ExecuteResult) o).data().get("text/plain")).toList();
        }
    }

    private static Cell execute(Kernel kernel, String code) throws Exception {
        List<Output> outputs = new ArrayList<>();
        long start = System.nanoTime();
        ExecutionReply reply = kernel.execute("bench", code, o -> {
            synchronized (outputs) {
                outputs.add(o);
            }
        }).get(10, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - start) / 1e9;
        if (reply.status() != ExecutionReply.Status.OK) {
            System.out.println("cell failed: " + outputs);
        }
        return new Cell(reply, outputs, wall);
    }

    private static void row(String name, double graal, double cpython, String goal) {
        if (cpython < 0) {
            System.out.printf("%-44s %10.3f s  %12s %10s  %s%n", name, graal, "-", "-", goal);
            return;
        }
        System.out.printf("%-44s %10.3f s  %10.3f s %9.2fx  %s%n", name, graal, cpython, cpython / graal, goal);
    }

    /** The times a harness printed, one per line. */
    private static double[] times(String lines) {
        return lines.lines().filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] runTimes(String lines) {
        double[] times = times(lines);
        if (times.length != WARMUPS + MEASURED) {
            throw new IllegalStateException("expected " + (WARMUPS + MEASURED) + " timings in: " + lines);
        }
        return times;
    }

    /** The fastest of the MEASURED runs that follow the first {@code warmups} runs. */
    private static double bestOf(double[] times, int warmups) {
        return Arrays.stream(times, warmups, warmups + MEASURED).min().orElseThrow();
    }

    private static double best(String lines) {
        return Arrays.stream(times(lines)).min()
                .orElseThrow(() -> new IllegalStateException("no timings in: " + lines));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelBenchmark.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String pythonVersion(Kernel kernel) throws Exception {
        return execute(kernel, "import sys\nprint(sys.version.split()[0])").stdout().strip();
    }

    private String cpythonVersion() throws Exception {
        return cpythonOutput("import sys\nprint(sys.version.split()[0])").strip();
    }

    /** Wall time of a whole python3 process running {@code code}. */
    private double cpythonSeconds(String code) throws Exception {
        long start = System.nanoTime();
        cpythonOutput(code);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds python3 spends on {@code code} itself (interpreter start-up excluded). */
    private double cpythonTimed(String code) throws Exception {
        String out = cpythonOutput("import time as _T\n_t = _T.perf_counter()\n" + code
                + "\nprint(_T.perf_counter() - _t)\n").strip();
        return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
    }

    private String cpythonOutput(String code) throws Exception {
        Path script = Files.createTempFile("pagebook-bench", ".py");
        try {
            Files.writeString(script, code);
            Process p = new ProcessBuilder(python, script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(python + " failed: " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
