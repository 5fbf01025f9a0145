package dev.pagebook.app.window;

import dev.pagebook.format.Notebook;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelOptions;
import java.nio.file.Path;

/** Starts the kernel of a newly opened notebook (each notebook has its own). */
@FunctionalInterface
public interface KernelFactory {

    Kernel start(Notebook notebook, Path workingDirectory);

    /** The in-process GraalPy kernel, with the science venv when it has been built. */
    static KernelFactory graalPy() {
        return (notebook, dir) -> {
            GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withWorkingDirectory(dir));
            // A kernel that cannot start shows DEAD in the status bar; the reason goes to the log.
            kernel.ready().exceptionally(error -> {
                System.err.println("pagebook: the kernel did not start: " + error);
                error.printStackTrace();
                return null;
            });
            return kernel;
        };
    }
}
