package dev.pagebook.app;

import dev.pagebook.kernel.GraalPyKernel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Versions baked into the build (the parent pom is their single source). */
public final class PagebookVersion {

    private static final Properties PROPERTIES = load();

    private PagebookVersion() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version");
    }

    public static String get(String key) {
        return PROPERTIES.getProperty(key);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PagebookVersion.class.getResourceAsStream("pagebook.properties")) {
            if (in == null) {
                throw new IllegalStateException("pagebook.properties is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Feeds {@code pagebook --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Pagebook " + version(),
                "GraalPy " + get("graalpy.version") + ", PyScript core " + get("pyscript.core.version")
                        + ", Pyodide " + get("pyodide.version"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                // Says whether the launcher's JVM flags reached the Graal JIT ("Interpreted" if not).
                "Python JIT: " + GraalPyKernel.compilerName()
            };
        }
    }
}
