package dev.pagebook.format.pyscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the exporter writes, without a browser: layout for first paint, saved page writes, packages. */
class PyScriptExporterTest {

    /** A page as {@code pagebook run} saves it after a cell wrote into #total and #empty-input. */
    private static final String RAN = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>t</title>
            <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@pyscript/core@0.7.31/dist/core.css">
            <script type="module" src="https://cdn.jsdelivr.net/npm/@pyscript/core@0.7.31/dist/core.js"></script>
            </head>
            <body>
            <p>Total: <output id="total">&ndash;</output> <input id="amount" value="3"></p>
            <div id="box"><span id="inner">old</span> kept</div>
            <script type="py" id="c1" target="c1-output">
            import math
            from pyscript import document
            print("hi")
            document.getElementById("total").textContent = "42"
            </script>
            <div id="c1-output" class="pagebook-output">
            <script type="application/json" class="pagebook-output-data">[{"output_type":"stream","name":"stdout","text":"hi\\n"},\
            {"output_type":"display_data","data":{"text/html":"42"},"metadata":{"pagebook":{"target":"total"}}},\
            {"output_type":"display_data","data":{"text/html":""},"metadata":{"pagebook":{"target":"amount"}}},\
            {"output_type":"display_data","data":{"text/html":"\\u003Cspan id=\\"inner\\"\\u003Ea\\u003C/span\\u003E kept"},"metadata":{"pagebook":{"target":"box"}}}]</script>
            <pre class="pagebook-stream pagebook-stdout">hi
            </pre>
            <div class="pagebook-display">42</div>
            <div class="pagebook-display"></div>
            <div class="pagebook-display"><span id="inner">a</span> kept</div>
            </div>
            <script type="py" id="c2" target="c2-output">
            import numpy as np
            from pyscript import display
            display("b", target="inner")
            </script>
            <div id="c2-output" class="pagebook-output">
            <script type="application/json" class="pagebook-output-data">[{"output_type":"display_data","data":{"text/html":"b"},"metadata":{"pagebook":{"target":"inner"}}}]</script>
            <div class="pagebook-display">b</div>
            </div>
            </body>
            </html>
            """;

    @TempDir
    Path dir;

    private Document export(ExportMode mode) throws Exception {
        Path notebook = dir.resolve("ran.html");
        Files.writeString(notebook, RAN);
        ExportResult result = new PyScriptExporter(RuntimeAssets.fromDefaultCache())
                .export(RAN, "ran.html", new ExportOptions(mode, dir.resolve(mode + ".html"), RuntimeAssets.fromDefaultCache()));
        return Jsoup.parse(result.page().toFile());
    }

    @Test
    void savedPageWritesAreInTheirElementsAtFirstPaintAndNotRepeatedUnderTheCell() throws Exception {
        Document page = export(ExportMode.STATIC);
        assertThat(page.getElementById("total").text()).isEqualTo("42");
        assertThat(page.getElementById("box").html()).isEqualTo("<span id=\"inner\">b</span> kept");
        assertThat(page.getElementById("amount").attr("value")).isEqualTo("3");
        assertThat(page.select("#c1-output > :not(script)")).extracting(e -> e.outerHtml())
                .containsExactly("<pre class=\"pagebook-stream pagebook-stdout\">hi\n</pre>");
        assertThat(page.select("#c2-output > :not(script)")).isEmpty();
        assertThat(page.select("#c1-output > script.pagebook-output-data").first().data()).contains("\"target\":\"total\"");
    }

    @Test
    void nothingBigOrBlockingPrecedesTheContent() throws Exception {
        Document page = export(ExportMode.LINKED);
        assertThat(page.head().select("link[rel=stylesheet], script")).isEmpty();
        assertThat(page.getElementById("pagebook-boot").parent()).isEqualTo(page.body());
        JsonNode manifest = new ObjectMapper().readTree(page.getElementById("pagebook-export").data());
        assertThat(manifest.path("css").asText()).isEqualTo(RuntimeVersions.bundled().coreCssUrl());
    }

    @Test
    void importedPyodidePackagesJoinTheConfig() throws Exception {
        RuntimeAssets assets = RuntimeAssets.fromDefaultCache();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(assets.pyodideFile("pyodide-lock.json")),
                "needs Pyodide's lock file in the runtime cache (bin/setup)");
        Document page = export(ExportMode.LINKED);
        JsonNode manifest = new ObjectMapper().readTree(page.getElementById("pagebook-export").data());
        assertThat(manifest.path("config").path("packages").toString()).isEqualTo("[\"numpy\"]");
        assertThat(ImportedPackages.modules(Jsoup.parse(RAN))).containsExactly("pyscript", "math", "numpy");
        assertThat(ImportedPackages.infer(Jsoup.parse(RAN), List.of("NumPy>=2"), assets)).isEmpty();
    }

    private static final String IMPORTS_HELPERS = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>t</title></head><body>
            <script type="py" id="c1">
            import helpers, json
            from tools.calc import double
            print(helpers.GREETING, double(21))
            </script>
            </body></html>
            """;

    @Test
    void theCellsOwnModulesFromTheNotebooksFolderTravelWithThePage() throws Exception {
        Path notebook = dir.resolve("nb.html");
        Files.writeString(notebook, IMPORTS_HELPERS);
        Files.writeString(dir.resolve("helpers.py"), "GREETING = 'hello'\n");
        Files.writeString(dir.resolve("unused.py"), "raise SystemExit\n");
        Files.createDirectories(dir.resolve("tools/__pycache__"));
        Files.writeString(dir.resolve("tools/__init__.py"), "");
        Files.writeString(dir.resolve("tools/calc.py"), "def double(x):\n    return 2 * x\n");
        Files.writeString(dir.resolve("tools/__pycache__/calc.py"), "stale");

        ExportResult result = PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.LINKED, dir.resolve("out/page.html"), RuntimeAssets.fromDefaultCache()));
        JsonNode manifest = new ObjectMapper().readTree(Jsoup.parse(result.page().toFile()).getElementById("pagebook-export").data());
        assertThat(manifest.path("modules").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("helpers.py", "tools/__init__.py", "tools/calc.py");
        assertThat(manifest.path("modules").path("tools/calc.py").asText()).isEqualTo("def double(x):\n    return 2 * x\n");
        assertThat(result.notes()).contains(
                "the cells import tools, helpers from the notebook's folder: helpers.py, tools/__init__.py, tools/calc.py are in the page");

        Files.write(dir.resolve("helpers.py"), new byte[] {'X', '=', '\'', (byte) 0xE9, '\''});
        assertThatThrownBy(() -> PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.LINKED, dir.resolve("out/page.html"), RuntimeAssets.fromDefaultCache())))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("helpers.py: invalid UTF-8 at byte offset 3").hasMessageContaining("the cells import it");
    }

    @Test
    void aNotebookGivenAsTextWithoutAFolderCarriesNoModules() throws Exception {
        Files.writeString(dir.resolve("helpers.py"), "GREETING = 'hello'\n");
        ExportResult result = new PyScriptExporter(RuntimeAssets.fromDefaultCache()).export(IMPORTS_HELPERS, "nb.html",
                new ExportOptions(ExportMode.LINKED, dir.resolve("page.html"), RuntimeAssets.fromDefaultCache()));
        JsonNode manifest = new ObjectMapper().readTree(Jsoup.parse(result.page().toFile()).getElementById("pagebook-export").data());
        assertThat(manifest.path("modules").size()).isZero();
    }
}
