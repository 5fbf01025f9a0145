package dev.pagebook.app.cli;

import dev.pagebook.app.desktop.StartupTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pagebook train-startup NB.html OUT.html [--window]}: the training run the launchers make
 * the JVM's AOT cache from (bin/lib/runtime.sh, installer/build-installer.sh), run under
 * {@code -XX:AOTCacheOutput}. The JVM records the classes it loads and links, and later starts
 * load them ready-made. Hidden: it is the launchers' business, not the user's.
 */
@Command(name = "train-startup", hidden = true,
        description = "Run NB.html headless, then (--window) in the desktop window, to train a start-up cache.")
public final class TrainStartupCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NB.html")
    Path notebook;

    @Parameters(index = "1", paramLabel = "OUT.html")
    Path output;

    @Option(names = "--window", description = "Also open the notebook in the desktop window (needs a display).")
    boolean window;

    @Override
    public Integer call() throws Exception {
        int status = PagebookCommand.commandLine().execute("run", notebook.toString(), "-o", output.toString());
        if (status == 0 && window) {
            // Next to the output: the launchers delete that folder after the training.
            StartupTraining.trainWindow(notebook, output.toAbsolutePath().getParent());
        }
        return status;
    }
}
