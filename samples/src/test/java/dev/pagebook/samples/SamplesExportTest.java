package dev.pagebook.samples;

import static dev.pagebook.samples.PagebookCli.SAMPLES;
import static dev.pagebook.samples.PagebookCli.pagebook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.model.PythonCell;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sample exports, through {@code bin/pagebook export}, to a PyScript page and to Jupyter. */
class SamplesExportTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"sine-wave.html", "csv-explorer.html", "savings-planner.html", "rich-outputs.html", "monte-carlo-pi.html"})
    void exportsToALinkedPyScriptPageWithEveryCell(String sample) throws Exception {
        Notebook notebook = NotebookReader.read(SAMPLES.resolve(sample));
        Path out = tmp.resolve(sample);
        PagebookCli.Result result = pagebook("export", SAMPLES.resolve(sample).toString(), "--to", "pyscript", "--mode", "linked",
                "-o", out.toString());
        assertThat(result.exit()).as(result.describe()).isZero();

        assertThat(Files.readString(out)).as("PyScript pinned to the build's release").contains("@pyscript/core@" + pyscriptCoreVersion());
        Document page = Jsoup.parse(out.toFile());
        StringBuilder scripts = new StringBuilder();
        for (Element script : page.select("script")) {
            scripts.append(script.data()).append('\n');
        }
        for (PythonCell cell : notebook.pythonCells()) {
            for (String line : cell.code().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                assertThat(scripts).as("cell " + cell.id() + " of " + sample).contains(line);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine-wave.html", "csv-explorer.html", "savings-planner.html", "rich-outputs.html", "monte-carlo-pi.html"})
    void exportsToJupyterWithOneCodeCellPerPythonCell(String sample) throws Exception {
        Notebook notebook = NotebookReader.read(SAMPLES.resolve(sample));
        Path out = tmp.resolve(sample.replace(".html", ".ipynb"));
        PagebookCli.Result result = pagebook("export", SAMPLES.resolve(sample).toString(), "--to", "ipynb", "-o", out.toString());
        assertThat(result.exit()).as(result.describe()).isZero();

        JsonNode ipynb = new ObjectMapper().readTree(out.toFile());
        assertThat(ipynb.path("nbformat").asInt()).isEqualTo(4);
        List<String> codeCells = new ArrayList<>();
        for (JsonNode cell : ipynb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                codeCells.add(source(cell.path("source")).strip());
            }
        }
        assertThat(codeCells).containsExactlyElementsOf(
                notebook.pythonCells().stream().map(c -> c.code().strip()).toList());
    }

    private static String source(JsonNode source) {
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    /** The PyScript release every export pins (the parent pom's property, baked into the app). */
    private static String pyscriptCoreVersion() throws java.io.IOException {
        Properties versions = new Properties();
        try (InputStream in = dev.pagebook.app.PagebookVersion.class.getResourceAsStream("pagebook.properties")) {
            versions.load(in);
        }
        return versions.getProperty("pyscript.core.version");
    }
}
