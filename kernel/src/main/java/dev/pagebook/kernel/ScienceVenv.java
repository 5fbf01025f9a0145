package dev.pagebook.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.graalvm.home.Version;
import org.graalvm.polyglot.Context;

/** The GraalPy venv with numpy and matplotlib built by kernel/science/build-venv.sh. */
public final class ScienceVenv {

    private ScienceVenv() {
    }

    /**
     * {@code -Dpagebook.venv}, then {@code $PAGEBOOK_VENV}, then the newest complete venv for this
     * GraalPy version in the build script's cache ({@code <cache>/science/graalpy-<version>-*}).
     */
    public static Optional<Path> find() {
        String configured = System.getProperty("pagebook.venv", System.getenv("PAGEBOOK_VENV"));
        if (configured != null && !configured.isBlank()) {
            Path venv = Path.of(configured).toAbsolutePath();
            return isVenv(venv) ? Optional.of(venv) : Optional.empty();
        }
        Path science = KernelCache.pagebookRoot().resolve("science");
        String prefix = "graalpy-" + graalPyVersion() + "-";
        try (Stream<Path> dirs = Files.list(science)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                    .filter(d -> Files.isRegularFile(d.resolve(".complete")) && isVenv(d))
                    .max(Comparator.comparing(ScienceVenv::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The GraalPy version this kernel was built against, which names the venv directory. */
    public static String graalPyVersion() {
        try (InputStream in = ScienceVenv.class.getResourceAsStream("graalpy.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("graalpy.version", "");
                if (!version.isBlank() && !version.startsWith("$")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to the polyglot API
        }
        return Version.getCurrent().toString();
    }

    private static boolean isVenv(Path dir) {
        return Files.isRegularFile(dir.resolve("pyvenv.cfg")) && Files.exists(dir.resolve("bin/python"));
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(".complete")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static void configure(Context.Builder builder, Path venv) {
        if (venv == null) {
            return;
        }
        builder.option("python.Executable", venv.resolve("bin/python").toString())
                .option("python.ForceImportSite", "true")
                // Each context gets its own copy of numpy's native libraries, so a restart (a new
                // context) and a second notebook in the same JVM can import numpy too.
                .option("python.IsolateNativeModules", "true");
    }
}
