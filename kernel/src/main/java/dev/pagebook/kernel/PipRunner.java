package dev.pagebook.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the kernel venv's pip (GraalPy's own launcher, so packages are built for GraalPy) and
 * streams its output line by line. Used by {@code %pip} in cells and by the app's package dialog.
 */
public final class PipRunner {

    private final Path venv;

    /** {@code venv} may be null: then every call explains that the kernel has no venv. */
    public PipRunner(Path venv) {
        this.venv = venv;
    }

    /** Runs {@code pip ARGS...}; each output line goes to {@code progress}; returns pip's exit status. */
    public int run(List<String> args, Consumer<String> progress) {
        if (venv == null || !Files.isRegularFile(venv.resolve("bin/python"))) {
            progress.accept("pip: this kernel has no package environment (build it with kernel/science/build-venv.sh)");
            return 2;
        }
        // The venv the kernels really use: a read-only installed one is used through a private
        // copy, and packages installed into the original would never reach them (or fail to).
        Path target = ScienceVenv.writable(venv);
        List<String> command = new ArrayList<>(List.of(target.resolve("bin/python").toString(), "-m", "pip"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // GraalPy's pip also asks GraalPy's wheel index, unreachable here; a non-empty value replaces it.
        builder.environment().putIfAbsent("PIP_EXTRA_INDEX_URL", "https://pypi.org/simple");
        builder.environment().put("PIP_PROGRESS_BAR", "off");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    progress.accept(line);
                }
            }
            int status = process.waitFor();
            if (status != 0 && args.contains("install")) {
                progress.accept("pip: installation failed; the package may not build for GraalPy "
                        + "(see the messages above)");
            }
            return status;
        } catch (IOException e) {
            progress.accept("pip: cannot start " + command.get(0) + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.accept("pip: interrupted");
            return 130;
        }
    }

    /** {@code pip install NAMES...}. */
    public int install(List<String> names, Consumer<String> progress) {
        List<String> args = new ArrayList<>(List.of("install"));
        args.addAll(names);
        return run(args, progress);
    }
}
