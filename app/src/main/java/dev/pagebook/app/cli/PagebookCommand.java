package dev.pagebook.app.cli;

import dev.pagebook.app.PagebookVersion;
import dev.pagebook.app.desktop.DesktopApp;
import dev.pagebook.app.instance.SingleInstance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pagebook [FILE]} opens the app; subcommands run headless. */
@Command(name = "pagebook",
        mixinStandardHelpOptions = true,
        versionProvider = PagebookVersion.Provider.class,
        description = "A notebook whose documents are web pages: write, run and export Python (PyScript) pages.")
public final class PagebookCommand implements Callable<Integer> {

    /** Exit code for bad input (unreadable, malformed or unsupported files). */
    public static final int EXIT_BAD_INPUT = 2;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Notebooks to open in the app.")
    Path[] files = new Path[0];

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PagebookCommand());
        // Subcommands register here, one line each.
        cl.addSubcommand(new ImportCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new RunCommand());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("pagebook: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() {
        List<Path> toOpen = Arrays.asList(files);
        if (SingleInstance.tryForward(toOpen)) {
            return 0;
        }
        DesktopApp.launchWith(toOpen);
        return 0;
    }
}
