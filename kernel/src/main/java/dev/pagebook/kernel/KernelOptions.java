package dev.pagebook.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a kernel is set up.
 *
 * @param venv             the GraalPy venv with numpy/matplotlib (see {@link ScienceVenv}); null for none
 * @param workingDirectory the cells' current directory (the notebook's folder)
 * @param streamCap        characters of stdout+stderr kept per cell before truncation
 * @param pageConfigJson   the page's PyScript config as JSON, exposed as {@code pyscript.config}
 * @param warmStandby      keep a second context booted in the background so restart() is a swap
 *                         (the app: yes; one-shot batch runs: no, it would only cost CPU)
 * @param warmImports      modules imported into {@code sys.modules} as soon as a context is booted
 *                         (also the spare one), before the first cell, so a notebook's
 *                         {@code import numpy} finds them loaded; the user's namespace stays empty
 * @param soleKernel       the process's first and only kernel, which never restarts (a batch run):
 *                         it gets a polyglot engine of its own, so its code is compiled for its one
 *                         context rather than shared (pure Python up to 2-3x faster after warm-up,
 *                         docs/kernel.md). GraalPy could not load numpy into any later context of
 *                         the process, so {@link ProcessEngines} then refuses to start another kernel
 */
public record KernelOptions(Path venv, Path workingDirectory, long streamCap, String pageConfigJson,
                            boolean warmStandby, List<String> warmImports, boolean soleKernel) {

    public static final long DEFAULT_STREAM_CAP = 2_000_000;

    public KernelOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (streamCap <= 0) {
            throw new IllegalArgumentException("streamCap must be positive");
        }
        if (soleKernel && warmStandby) {
            throw new IllegalArgumentException("a sole kernel never restarts: it keeps no warm standby");
        }
        pageConfigJson = pageConfigJson == null ? "{}" : pageConfigJson;
        warmImports = warmImports == null ? List.of() : List.copyOf(warmImports);
        for (String module : warmImports) {
            if (!module.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                throw new IllegalArgumentException("not a module name: " + module);
            }
        }
    }

    /** The science venv if it has been built, the current directory, the default cap. */
    public static KernelOptions defaults() {
        return new KernelOptions(ScienceVenv.find().orElse(null), Path.of("").toAbsolutePath(), DEFAULT_STREAM_CAP,
                "{}", true, List.of(), false);
    }

    public KernelOptions withWorkingDirectory(Path dir) {
        return new KernelOptions(venv, dir, streamCap, pageConfigJson, warmStandby, warmImports, soleKernel);
    }

    public KernelOptions withPageConfig(String json) {
        return new KernelOptions(venv, workingDirectory, streamCap, json, warmStandby, warmImports, soleKernel);
    }

    public KernelOptions withVenv(Path dir) {
        return new KernelOptions(dir, workingDirectory, streamCap, pageConfigJson, warmStandby, warmImports, soleKernel);
    }

    public KernelOptions withWarmImports(List<String> modules) {
        return new KernelOptions(venv, workingDirectory, streamCap, pageConfigJson, warmStandby, modules, soleKernel);
    }

    public KernelOptions withWarmStandby(boolean standby) {
        return new KernelOptions(venv, workingDirectory, streamCap, pageConfigJson, standby, warmImports, soleKernel);
    }

    /** A batch run's kernel: the only one in the process, no standby, never restarted. */
    public KernelOptions asSoleKernel() {
        return new KernelOptions(venv, workingDirectory, streamCap, pageConfigJson, false, warmImports, true);
    }
}
