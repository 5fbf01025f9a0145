package dev.pagebook.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * The venv itself when this user can write into it, else a private copy in the user's cache.
     * With isolated native modules GraalPy writes a copy of each native library per context next
     * to the original ({@code *.so.dup0}, ...), which fails in a read-only venv such as the one an
     * installer puts under /opt. {@code -Dpagebook.venv.privateCopy=true} forces the copy.
     */
    static synchronized Path writable(Path venv) {
        if (!Boolean.getBoolean("pagebook.venv.privateCopy") && canWriteInto(venv)) {
            return venv;
        }
        try {
            Path real = venv.toRealPath();
            String key = Integer.toHexString((real + "@" + Files.getLastModifiedTime(real.resolve("pyvenv.cfg"))).hashCode());
            Path copy = KernelCache.pagebookRoot().resolve("science").resolve("private-" + key);
            if (Files.isRegularFile(copy.resolve(".complete"))) {
                return copy;
            }
            Files.createDirectories(copy.getParent());
            Path partial = Files.createTempDirectory(copy.getParent(), "private-copy-");
            try {
                copyTree(real, partial);
                Files.writeString(partial.resolve(".complete"), real.toString());
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException failedOrRaced) {
                // Raced: another process finished the same copy first, use theirs. Else report below.
                deleteTree(partial);
                if (!Files.isRegularFile(copy.resolve(".complete"))) {
                    throw failedOrRaced;
                }
            }
            return Files.isRegularFile(copy.resolve(".complete")) ? copy : venv;
        } catch (IOException e) {
            System.err.println("pagebook: cannot make a private copy of the science venv " + venv + ": " + e
                    + "; numpy may fail in a second kernel");
            return venv;
        }
    }

    private static boolean canWriteInto(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".pagebook-write-check", ""));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String name = source.getFileName() == null ? "" : source.getFileName().toString();
                if (name.matches(".*\\.dup\\d+") || source.equals(from.resolve(".complete"))
                        || source.startsWith(from.resolve(".pagebook"))) {
                    continue; // per-context copies of the source's own users; build records
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * {@code soleContext}: this context is the only one its process will create (a sole kernel),
     * so it loads numpy's native libraries as they are, without a copy of its own. A venv nobody
     * may write is still used through the private copy, where the package dialog's pip installs.
     */
    static void configure(Context.Builder builder, Path shipped, boolean soleContext) {
        if (shipped == null) {
            return;
        }
        Path venv = writable(shipped);
        builder.option("python.Executable", venv.resolve("bin/python").toString())
                .option("python.ForceImportSite", "true")
                // Each context gets its own copy of numpy's native libraries, so a restart (a new
                // context) and a second notebook in the same JVM can import numpy too.
                .option("python.IsolateNativeModules", String.valueOf(!soleContext));
    }
}
