package dev.pagebook.app.window;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.WarmImports;
import dev.pagebook.kernel.host.HostCommand;
import dev.pagebook.kernel.host.HostOrInProcessKernel;
import dev.pagebook.kernel.host.HostedKernel;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Starts the kernel of a newly opened notebook (each notebook has its own). */
@FunctionalInterface
public interface KernelFactory {

    Kernel start(Notebook notebook, Path workingDirectory);

    /**
     * GraalPy kernels with the science venv when it has been built: each in a kernel host JVM of
     * its own (faster compiled Python, numpy in every notebook, a native crash ends only that
     * kernel; docs/kernel.md), or in this process when its command line cannot be told, a host
     * cannot be launched, or {@code -Dpagebook.kernel.inProcess=true} asks for it.
     */
    static KernelFactory graalPy() {
        Optional<HostCommand> host = Boolean.getBoolean("pagebook.kernel.inProcess")
                ? Optional.empty() : HostCommand.ofThisProcess();
        return (notebook, dir) -> {
            // numpy/pyplot cost seconds to import under GraalPy: load the ones the notebook imports now.
            List<String> warm = WarmImports.in(notebook.pythonCells().stream().map(PythonCell::source).toList());
            KernelOptions options = KernelOptions.defaults().withWorkingDirectory(dir).withWarmImports(warm);
            if (host.isPresent()) {
                try {
                    HostOrInProcessKernel kernel = HostOrInProcessKernel.start(HostedKernel.start(options, host.get()),
                            () -> GraalPyKernel.start(options));
                    logFailure(kernel.ready());
                    return kernel;
                } catch (UncheckedIOException e) {
                    System.err.println("pagebook: " + e.getMessage() + " (" + e.getCause() + "); running the kernel in this process");
                }
            }
            GraalPyKernel kernel = GraalPyKernel.start(options);
            logFailure(kernel.ready());
            return kernel;
        };
    }

    /** A kernel that cannot start shows DEAD in the status bar; the reason goes to the log. */
    private static void logFailure(CompletableFuture<Void> ready) {
        ready.exceptionally(error -> {
            System.err.println("pagebook: the kernel did not start: " + error);
            error.printStackTrace();
            return null;
        });
    }
}
