package dev.pagebook.format;

import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.NotebookMetadata;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a generated 1000-cell notebook and prints the times after warm-up (target:
 * both under 200 ms). Not a test; run it with
 * {@code bin/build -q -pl notebook-format test-compile exec:java -Dexec.mainClass=dev.pagebook.format.FormatBenchmark -Dexec.classpathScope=test}.
 */
public final class FormatBenchmark {
    private FormatBenchmark() {
    }

    private static final int CELLS = 1000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 30;

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("pagebook-benchmark", ".html");
        try {
            NotebookWriter.write(generated(), file);
            System.out.printf("notebook: %d Python cells + %d HTML cells, %.1f MB%n", CELLS, CELLS, Files.size(file) / 1e6);
            for (int i = 0; i < WARM_UP; i++) {
                NotebookWriter.write(NotebookReader.read(file));
            }
            long[] reads = new long[RUNS];
            long[] writes = new long[RUNS];
            long[] editWrites = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                Notebook nb = NotebookReader.read(file);
                long t1 = System.nanoTime();
                NotebookWriter.write(nb, file);
                long t2 = System.nanoTime();
                Notebook edited = nb.editSource(nb.indexOf("cell-500"), "print('edited')\n")
                        .setOutputs("cell-501", List.of(new Output.Stream("stdout", "rerun\n")), 2);
                long t3 = System.nanoTime();
                NotebookWriter.write(edited);
                long t4 = System.nanoTime();
                reads[i] = t1 - t0;
                writes[i] = t2 - t1;
                editWrites[i] = t4 - t3;
            }
            report("read (file -> Notebook)", reads);
            report("write (Notebook -> file, atomic)", writes);
            report("write after 2 edits (-> String)", editWrites);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-36s median %6.1f ms   min %6.1f ms   max %6.1f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static Notebook generated() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 1; i <= CELLS; i++) {
            cells.add(new HtmlCell("<h2>Step " + i + "</h2>\n<p>Compute the <em>square</em> of " + i + " &amp; print it.</p>\n"));
            List<Output> outputs = List.of(
                    new Output.Stream(Output.Stream.STDOUT, "value " + i * i + "\n"),
                    new Output.ExecuteResult(i, Map.of("text/plain", String.valueOf(i * i),
                            "text/html", "<b>" + i * i + "</b>"), Map.of()));
            cells.add(new PythonCell("cell-" + i, "\nx = " + i + " ** 2\nprint('value', x)\nx\n",
                    dev.pagebook.format.model.CellForm.SCRIPT_PY, Map.of(), outputs, i));
        }
        return Notebook.newPage("Benchmark", cells, NotebookMetadata.EMPTY);
    }
}
