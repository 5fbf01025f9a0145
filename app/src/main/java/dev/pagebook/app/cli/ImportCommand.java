package dev.pagebook.app.cli;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.PageText;
import dev.pagebook.format.ipynb.IpynbReader;
import dev.pagebook.format.legacy.LegacyPageMigrator;
import dev.pagebook.format.legacy.MigrationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagebook import IN.ipynb|IN.html -o OUT.html}: a Jupyter notebook becomes a page, a
 * PyScript 2022 page is migrated (the report is printed), a current page is copied unchanged.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a Jupyter notebook (.ipynb) or a PyScript page as a Pagebook notebook.",
                "Legacy PyScript 2022 pages are migrated to current PyScript and every change is listed;",
                "a current PyScript page is written unchanged. The input file is never modified."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .ipynb notebook or .html page to import.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.html", description = "The notebook page to write.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CliFiles.refuseOverwritingInput(input, output);
            byte[] bytes = PageText.readBytes(input);
            PageText.Decoded decoded = PageText.decode(bytes, input.toString());
            if (isIpynb(decoded.text())) {
                Notebook notebook = IpynbReader.read(input);
                NotebookWriter.write(notebook, output);
                out.println("Imported " + input + " (" + notebook.cells().size() + " cells) -> " + output);
            } else if (LegacyPageMigrator.isLegacy(decoded.text())) {
                LegacyPageMigrator.Result result = LegacyPageMigrator.migrate(decoded.text(), input.toString());
                NotebookWriter.writeAtomically(output, (decoded.bom() ? "\uFEFF" : "") + result.html());
                MigrationReport report = result.report();
                out.println("Migrated legacy PyScript page " + input + " -> " + output + " ("
                        + report.changes().size() + " changes):");
                out.print(report.format());
            } else {
                Notebook notebook = NotebookReader.read(bytes, input.toString(), input.toAbsolutePath().getParent());
                NotebookWriter.write(notebook, output);
                out.println(input + " is a current PyScript page; written unchanged to " + output);
            }
            out.flush();
            return 0;
        } catch (NotebookFormatException e) {
            err.println("pagebook import: " + e.getMessage());
            return PagebookCommand.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("pagebook import: cannot write " + output + ": " + e.getMessage());
            return 1;
        }
    }

    private boolean isIpynb(String text) {
        return input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")
                || text.stripLeading().startsWith("{");
    }
}
