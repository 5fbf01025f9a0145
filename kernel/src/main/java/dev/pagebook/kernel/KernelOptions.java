package dev.pagebook.kernel;

import java.nio.file.Path;
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
 */
public record KernelOptions(Path venv, Path workingDirectory, long streamCap, String pageConfigJson,
                            boolean warmStandby) {

    public static final long DEFAULT_STREAM_CAP = 2_000_000;

    public KernelOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (streamCap <= 0) {
            throw new IllegalArgumentException("streamCap must be positive");
        }
        pageConfigJson = pageConfigJson == null ? "{}" : pageConfigJson;
    }

    /** The science venv if it has been built, the current directory, the default cap. */
    public static KernelOptions defaults() {
        return new KernelOptions(ScienceVenv.find().orElse(null), Path.of("").toAbsolutePath(), DEFAULT_STREAM_CAP,
                "{}", true);
    }

    public KernelOptions withWorkingDirectory(Path dir) {
        return new KernelOptions(venv, dir, streamCap, pageConfigJson, warmStandby);
    }

    public KernelOptions withPageConfig(String json) {
        return new KernelOptions(venv, workingDirectory, streamCap, json, warmStandby);
    }

    public KernelOptions withVenv(Path dir) {
        return new KernelOptions(dir, workingDirectory, streamCap, pageConfigJson, warmStandby);
    }

    public KernelOptions withWarmStandby(boolean standby) {
        return new KernelOptions(venv, workingDirectory, streamCap, pageConfigJson, standby);
    }
}
