package dev.pagebook.app.window;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.WarmImports;
import java.nio.file.Path;
import java.util.List;

/** Starts the kernel of a newly opened notebook (each notebook has its own). */
@FunctionalInterface
public interface KernelFactory {

    Kernel start(Notebook notebook, Path workingDirectory);

    /** The in-process GraalPy kernel, with the science venv when it has been built. */
    static KernelFactory graalPy() {
        return (notebook, dir) -> {
            // numpy/pyplot cost seconds to import under GraalPy: load the ones the notebook imports now.
            List<String> warm = WarmImports.in(notebook.pythonCells().stream().map(PythonCell::source).toList());
            GraalPyKernel kernel = GraalPyKernel.start(KernelOptions.defaults().withWorkingDirectory(dir).withWarmImports(warm));
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
