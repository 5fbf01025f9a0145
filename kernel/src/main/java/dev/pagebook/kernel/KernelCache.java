package dev.pagebook.kernel;

import java.nio.file.Path;

/** Where the kernel keeps machine-local files: extracted helpers and their bytecode. */
final class KernelCache {

    private KernelCache() {
    }

    static Path root() {
        return pagebookRoot().resolve("kernel");
    }

    /** {@code $PAGEBOOK_CACHE}, else {@code ${XDG_CACHE_HOME:-~/.cache}/pagebook} (as kernel/science/build-venv.sh). */
    static Path pagebookRoot() {
        String override = System.getenv("PAGEBOOK_CACHE");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pagebook");
    }
}
