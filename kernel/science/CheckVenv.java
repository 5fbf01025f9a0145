import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Checks the science venv the way Pagebook's kernel uses it: an embedded GraalPy context (polyglot
 * API) pointed at the venv imports numpy, multiplies matrices and renders a matplotlib Agg figure to
 * PNG bytes that are read back in Java. Run with a JDK >= 21, single-file source launch:
 *
 *   java --module-path <GraalPy jars> --add-modules org.graalvm.polyglot \
 *        [-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=<compiler jar>] \
 *        --enable-native-access=ALL-UNNAMED,org.graalvm.truffle \
 *        kernel/science/CheckVenv.java <venv> [--second-context] [--png out.png]
 *
 * (build-venv.sh --check does this for you.) Prints timings; exits non-zero on failure.
 * --second-context also opens a second context in the same process and imports numpy there,
 * once with the default options and once with python.IsolateNativeModules=true.
 */
public class CheckVenv {

    static Context.Builder contextFor(Engine engine, Path venv) {
        return Context.newBuilder("python")
                .engine(engine)
                .allowAllAccess(true) // native access, threads, IO, env: what numpy/matplotlib need
                .allowIO(IOAccess.ALL)
                .allowExperimentalOptions(true)
                // The two options that make GraalPy use the venv: sys.executable = <venv>/bin/python,
                // so site.py finds <venv>/pyvenv.cfg and adds <venv>/lib/python3.12/site-packages.
                // Embedded contexts skip `import site` unless ForceImportSite is set.
                .option("python.Executable", venv.resolve("bin/python").toString())
                .option("python.ForceImportSite", "true")
                .option("python.WarnExperimentalFeatures", "false");
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CheckVenv <venv> [--second-context] [--png out.png]");
            System.exit(2);
        }
        Path venv = Path.of(args[0]).toAbsolutePath();
        boolean second = false;
        Path pngOut = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--second-context" -> second = true;
                case "--png" -> pngOut = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        long t0 = System.nanoTime();
        Engine engine = Engine.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build();
        try (Context ctx = contextFor(engine, venv).build()) {
            ctx.eval("python", "import sys");
            System.out.printf("context ready: %d ms (%s)%n", ms(t0), engine.getImplementationName());
            Value sys = ctx.getBindings("python").getMember("sys");
            System.out.println("sys.executable = " + sys.getMember("executable"));
            System.out.println("sys.prefix     = " + sys.getMember("prefix"));

            long t = System.nanoTime();
            ctx.eval("python", "import numpy as np");
            System.out.printf("import numpy: %d ms%n", ms(t));
            Value det = ctx.eval("python", """
                    a = np.arange(1.0, 10.0).reshape(3, 3) + np.eye(3)
                    b = a @ np.linalg.inv(a)
                    float(np.abs(b - np.eye(3)).max())
                    """);
            if (det.asDouble() > 1e-9) {
                throw new AssertionError("a @ inv(a) != I: " + det);
            }
            System.out.println("numpy " + ctx.eval("python", "np.__version__") + ": a @ inv(a) == I ok");

            t = System.nanoTime();
            ctx.eval("python", """
                    import matplotlib
                    matplotlib.use("Agg")
                    import matplotlib.pyplot as plt
                    """);
            System.out.printf("import matplotlib.pyplot: %d ms%n", ms(t));
            t = System.nanoTime();
            Value png = ctx.eval("python", """
                    import io
                    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
                    x = np.linspace(0, 2 * np.pi, 200)
                    ax.plot(x, np.sin(x), label="sin")
                    ax.legend()
                    buf = io.BytesIO()
                    fig.savefig(buf, format="png")
                    plt.close(fig)
                    buf.getvalue()
                    """);
            byte[] bytes = toBytes(png);
            System.out.printf("first figure -> PNG: %d ms, %d bytes%n", ms(t), bytes.length);
            byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            for (int i = 0; i < magic.length; i++) {
                if (bytes[i] != magic[i]) {
                    throw new AssertionError("not a PNG");
                }
            }
            if (pngOut != null) {
                Files.write(pngOut, bytes);
            }
            System.out.println("matplotlib " + ctx.eval("python", "matplotlib.__version__") + ": Agg PNG ok");
        }

        if (second) {
            secondContext(engine, venv, false);
            secondContext(engine, venv, true);
        }
        engine.close();
        System.out.printf("CHECK OK (%d ms total)%n", ms(t0));
    }

    static void secondContext(Engine engine, Path venv, boolean isolate) {
        String label = "another context" + (isolate ? " with python.IsolateNativeModules=true" : " (default options)");
        Context.Builder builder = contextFor(engine, venv);
        if (isolate) {
            builder.option("python.IsolateNativeModules", "true");
        }
        long t = System.nanoTime();
        try (Context ctx = builder.build()) {
            ctx.eval("python", "import numpy as np; r = float((np.ones((2, 2)) @ np.ones((2, 2))).sum())");
            System.out.printf("%s: import numpy ok (%d ms)%n", label, ms(t));
        } catch (PolyglotException e) {
            String msg = String.valueOf(e.getMessage());
            System.out.printf("%s: import numpy failed: %s%n", label,
                    msg.length() > 400 ? msg.substring(0, 400) + "..." : msg);
        }
    }

    static byte[] toBytes(Value v) {
        if (v.hasBufferElements()) {
            byte[] out = new byte[(int) v.getBufferSize()];
            v.readBuffer(0, out, 0, out.length);
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < v.getArraySize(); i++) {
            out.write(v.getArrayElement(i).asInt());
        }
        return out.toByteArray();
    }
}
