package dev.pagebook.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.PythonCell;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page of the corpus is written back byte for byte, and reading the output gives the same model. */
class CorpusRoundTripTest {

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusRoundTripTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastThirtyPages() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void unchangedPageIsWrittenBackByteForByte(Path page) throws Exception {
        byte[] original = Files.readAllBytes(page);
        Notebook notebook = NotebookReader.read(page);
        Path copy = Files.createTempFile("corpus", ".html");
        try {
            NotebookWriter.write(notebook, copy);
            assertThat(Files.readAllBytes(copy)).isEqualTo(original);
        } finally {
            Files.delete(copy);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void segmentsConcatenateToThePageAndReReadingGivesTheSameCells(Path page) throws Exception {
        Notebook notebook = NotebookReader.read(page);
        List<Cell> again = NotebookReader.read(NotebookWriter.write(notebook)).cells();
        assertThat(again).isEqualTo(notebook.cells());
        for (PythonCell cell : notebook.pythonCells()) {
            assertThat(cell.id()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void editingOneCellLeavesEveryOtherCellsTextInPlace(Path page) throws Exception {
        Notebook notebook = NotebookReader.read(page);
        List<PythonCell> cells = notebook.pythonCells();
        if (cells.isEmpty()) {
            return;
        }
        PythonCell last = cells.get(cells.size() - 1);
        String before = NotebookWriter.write(notebook);
        String after = NotebookWriter.write(notebook.editSource(notebook.indexOf(last.id()), "print('edited')\n"));
        int originalStart = before.indexOf(NotebookWriterTestSupport.cellText(notebook, last));
        assertThat(originalStart).isNotNegative();
        assertThat(after).startsWith(before.substring(0, originalStart));
        Notebook reread = NotebookReader.read(after);
        assertThat(reread.pythonCells().get(cells.size() - 1).source()).isEqualTo("print('edited')\n");
    }
}
