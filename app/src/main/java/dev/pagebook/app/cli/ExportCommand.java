package dev.pagebook.app.cli;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.ipynb.IpynbWriter;
import dev.pagebook.format.py.PyFileExporter;
import dev.pagebook.format.pyscript.ExportMode;
import dev.pagebook.format.pyscript.ExportOptions;
import dev.pagebook.format.pyscript.ExportException;
import dev.pagebook.format.pyscript.ExportResult;
import dev.pagebook.format.pyscript.PyScriptExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagebook export IN.html --to ipynb|py|pyscript|static [--mode linked|offline|site] -o OUT}.
 *
 * <p>Each format is one {@link Target} in {@link #TARGETS}; a new format (the PyScript page
 * export) is added by putting its target there. Targets that are not built yet say so.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a notebook page to another format. The input file is never modified.",
                "Formats: ipynb (Jupyter), py (percent-format script), pyscript (runnable page), static (outputs only)."})
public final class ExportCommand implements Callable<Integer> {

    /** One export format: writes {@code notebook} (read from {@code input}) to {@code output}. */
    @FunctionalInterface
    interface Target {
        void export(Notebook notebook, Path input, ExportCommand options) throws IOException, NotebookFormatException;
    }

    private static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("ipynb", (notebook, input, options) ->
                NotebookWriter.writeAtomically(options.output, IpynbWriter.write(notebook)));
        TARGETS.put("py", (notebook, input, options) ->
                NotebookWriter.writeAtomically(options.output, PyFileExporter.write(notebook)));
        TARGETS.put("pyscript", (notebook, input, options) ->
                options.exportPage(options.mode == null ? "linked" : options.mode));
        TARGETS.put("static", (notebook, input, options) -> options.exportPage("static"));
    }

    /** Formats whose export has modes ({@code --mode}). */
    private static final Set<String> FORMATS_WITH_MODES = Set.of("pyscript");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The notebook page (.html) to export.")
    Path input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "ipynb, py, pyscript or static.")
    String format;

    @Option(names = "--mode", paramLabel = "MODE", description = "For --to pyscript: linked (default), offline or site.")
    String mode;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file (or folder, for --mode site) to write.")
    Path output;

    public Path input() {
        return input;
    }

    public Path output() {
        return output;
    }

    /** PyScript page exports read the file themselves: they keep its markup byte for byte. */
    private void exportPage(String modeName) throws NotebookFormatException {
        try {
            ExportMode pageMode = ExportMode.parse(modeName);
            if (pageMode == ExportMode.STATIC && !"static".equals(format)) {
                throw new NotebookFormatException("use --to static for an outputs-only page");
            }
            ExportResult result = PyScriptExporter.export(input, ExportOptions.of(pageMode, output));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote " + result.files().size() + " file(s), " + result.bytes() + " bytes; page: " + result.page());
            if (!result.packages().isEmpty()) {
                out.println("Packages: " + String.join(", ", result.packages()));
            }
            result.notes().forEach(note -> out.println("note: " + note));
        } catch (ExportException e) {
            throw new NotebookFormatException(e.getMessage());
        }
    }

    /** The {@code --mode} value, or null when not given. */
    public String mode() {
        return mode;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Target target = TARGETS.get(format);
        if (target == null) {
            err.println("pagebook export: unknown format '" + format + "' (use one of " + String.join(", ", TARGETS.keySet()) + ")");
            return PagebookCommand.EXIT_BAD_INPUT;
        }
        if (mode != null && !FORMATS_WITH_MODES.contains(format)) {
            err.println("pagebook export: --mode applies only to --to " + String.join("|", FORMATS_WITH_MODES));
            return PagebookCommand.EXIT_BAD_INPUT;
        }
        try {
            CliFiles.refuseOverwritingInput(input, output);
            Notebook notebook = NotebookReader.read(input);
            target.export(notebook, input, this);
            out.println("Exported " + input + " -> " + output + " (" + format + ")");
            out.flush();
            return 0;
        } catch (NotebookFormatException e) {
            err.println("pagebook export: " + e.getMessage());
            return PagebookCommand.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("pagebook export: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }
}
