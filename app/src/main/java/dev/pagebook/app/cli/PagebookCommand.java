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

    /** The subcommands' names; {@code PagebookCommandTest} keeps it equal to those registered below. */
    public static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("import", "export", "run", "train-startup");

    /**
     * Whether {@code args} just open the app on files (no option, no subcommand). Such a start skips
     * picocli: building its command model took about 250 ms of the app's 1.7 s start-up.
     */
    public static boolean opensTheApp(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
            return false;
        }
        return Arrays.stream(args).noneMatch(a -> a.startsWith("-") || a.startsWith("@"));
    }

    /** Opens the app on {@code files} without picocli (see {@link #opensTheApp}). */
    public static int openTheApp(String[] files) {
        PagebookCommand command = new PagebookCommand();
        command.files = Arrays.stream(files).map(Path::of).toArray(Path[]::new);
        return command.call();
    }

    /** The command line for a caller that may go on to start other kernels (tests, training). */
    public static CommandLine commandLine() {
        return commandLine(false);
    }

    /**
     * The command line of a {@code pagebook} process that runs one command and exits: its
     * {@code run} kernel gets a polyglot engine of its own ({@code KernelOptions.soleKernel}).
     */
    public static CommandLine commandLineOfWholeProcess() {
        return commandLine(true);
    }

    private static CommandLine commandLine(boolean wholeProcess) {
        CommandLine cl = new CommandLine(new PagebookCommand());
        // Subcommands register here, one line each.
        cl.addSubcommand(new ImportCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new RunCommand(wholeProcess));
        cl.addSubcommand(new TrainStartupCommand());
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
