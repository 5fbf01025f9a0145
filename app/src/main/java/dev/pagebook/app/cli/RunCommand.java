package dev.pagebook.app.cli;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.PageText;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.dom.HeadlessDomBridge;
import dev.pagebook.kernel.run.NotebookRunner;
import dev.pagebook.kernel.run.RunParameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagebook run NB.html [-o OUT.html] [-p NAME=VALUE ...] [--timeout SECONDS]}: runs every
 * cell headless in the in-process kernel and saves outputs and execution counts.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every Python cell of a notebook in order, headless, and save the outputs.",
                "Exits 1 (traceback on stderr) when a cell raises or times out, 2 on bad input.",
                "With -o the input file is never modified."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Whether this run's kernel is the only one its process will ever start (see KernelOptions). */
    private final boolean soleKernel;

    @Parameters(index = "0", paramLabel = "NB.html", description = "The notebook to run.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.html", description = "Where to save the run (default: the notebook itself).")
    Path output;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "Set a parameter (papermill style: injected after the cell tagged 'parameters').")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Interrupt a cell that runs longer than this.")
    Long timeoutSeconds;

    RunCommand(boolean soleKernel) {
        this.soleKernel = soleKernel;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = output == null ? input : output;
        RunParameters params;
        try {
            params = RunParameters.parse(parameters);
        } catch (IllegalArgumentException e) {
            err.println("pagebook run: " + e.getMessage());
            return PagebookCommand.EXIT_BAD_INPUT;
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            err.println("pagebook run: --timeout must be a positive number of seconds");
            return PagebookCommand.EXIT_BAD_INPUT;
        }
        Path dir = input.toAbsolutePath().getParent();
        // Start Python while the notebook is read: the first cell rarely waits.
        KernelOptions options = KernelOptions.defaults().withWorkingDirectory(dir).withWarmStandby(false);
        try (GraalPyKernel kernel = GraalPyKernel.start(soleKernel ? options.asSoleKernel() : options)) {
            Notebook notebook;
            String page;
            try {
                if (output != null) {
                    CliFiles.refuseOverwritingInput(input, output);
                }
                byte[] bytes = PageText.readBytes(input);
                notebook = NotebookReader.read(bytes, input.toString(), dir);
                page = new String(bytes, StandardCharsets.UTF_8);
            } catch (NotebookFormatException e) {
                err.println("pagebook run: " + e.getMessage());
                return PagebookCommand.EXIT_BAD_INPUT;
            }
            kernel.setDomBridge(new HeadlessDomBridge(page, input.toUri().toString(),
                    (kind, text) -> err.println("[page " + kind + "] " + text)));
            long started = System.nanoTime();
            NotebookRunner runner = new NotebookRunner(kernel,
                    timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds));
            NotebookRunner.Result result = runner.run(notebook, params);
            try {
                NotebookWriter.write(result.notebook(), target);
            } catch (IOException e) {
                err.println("pagebook run: cannot write " + target + ": " + e.getMessage());
                return 1;
            }
            if (!result.succeeded()) {
                Output.Error error = result.error().orElseThrow();
                err.println("pagebook run: cell '" + result.failedCell().orElseThrow() + "' failed in " + input
                        + " (outputs so far saved to " + target + "):");
                error.traceback().forEach(err::println);
                err.flush();
                return 1;
            }
            out.printf("Ran %d cells of %s in %.1f s -> %s%n", result.cellsRun(), input,
                    (System.nanoTime() - started) / 1e9, target);
            out.flush();
            return 0;
        }
    }

}
