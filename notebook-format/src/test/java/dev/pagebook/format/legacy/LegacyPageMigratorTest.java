package dev.pagebook.format.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyPageMigratorTest {

    private static String corpus(String name) throws Exception {
        return Files.readString(Path.of(LegacyPageMigratorTest.class.getResource("/corpus/" + name).toURI()));
    }

    @Test
    void seedSineWavePageMigratesToCurrentPyScript() throws Exception {
        String legacy = corpus("37-seed-sine-wave-2022.html");
        assertThat(LegacyPageMigrator.isLegacy(legacy)).isTrue();
        LegacyPageMigrator.Result result = LegacyPageMigrator.migrate(legacy, "sine.html");
        Notebook nb = NotebookReader.read(result.html());
        assertThat(nb.config().packages()).containsExactly("numpy", "matplotlib");
        PythonCell cell = nb.pythonCells().get(0);
        assertThat(cell.form()).isEqualTo(CellForm.SCRIPT_PY);
        assertThat(cell.attributes()).containsEntry("target", "plot");
        assertThat(cell.code()).startsWith("from pyscript import display\nimport numpy as np\n")
                .endsWith("ax.plot(x, y)\ndisplay(fig)\n");
        assertThat(result.html()).contains("https://cdn.jsdelivr.net/npm/@pyscript/core@0.7.31/dist/core.js")
                .doesNotContain("pyscript.net/alpha").doesNotContain("py-env").doesNotContain("<py-script");
        assertThat(result.html()).contains("<h1>A sine wave</h1>\n  <div id=\"plot\"></div>\n");
        assertThat(result.report().format()).contains(
                "line 5: stylesheet https://pyscript.net/alpha/pyscript.css -> @pyscript/core 0.7.31 core.css",
                "line 6: loader https://pyscript.net/alpha/pyscript.js",
                "line 7: <py-env> -> <py-config> (packages: numpy, matplotlib)",
                "line 15: output=\"plot\" -> target=\"plot\"",
                "line 15: <py-script> -> <script type=\"py\">",
                "line 15: last expression 'fig' was shown automatically; now display(fig)");
        assertThat(LegacyPageMigrator.isLegacy(result.html())).isFalse();
    }

    @Test
    void replWriteElementAndClickHandlersAreMigrated() throws Exception {
        LegacyPageMigrator.Result result = LegacyPageMigrator.migrate(corpus("38-legacy-repl-onclick.html"), "c.html");
        String html = result.html();
        assertThat(html).contains("<button id=\"btn\" py-click=\"count\">Count</button>")
                .contains("<h1>Counter</h1>");
        Notebook nb = NotebookReader.read(html);
        assertThat(nb.pythonCells()).hasSize(2);
        String code = nb.pythonCells().get(0).code();
        assertThat(code).contains("from pyscript import display, document")
                .contains("def count(event=None):")
                .contains("display(n, target=\"out\", append=False)")
                .contains("document.querySelector(\"#out\").style.color = \"red\"");
        assertThat(nb.pythonCells().get(1).source()).isEqualTo("print(\"try me\")");
        assertThat(nb.pythonCells().get(1).id()).isEqualTo("repl");
        assertThat(result.report().changes()).extracting(MigrationReport.Change::description)
                .anyMatch(d -> d.startsWith("pys-onClick=\"count\" -> py-click=\"count\""))
                .anyMatch(d -> d.startsWith("<py-repl> -> <script type=\"py\">"))
                .anyMatch(d -> d.startsWith("handler count() now receives the click event"));
    }

    @Test
    void invalidPyEnvIsAOneLineError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LegacyPageMigrator.migrate(
                        "<html><head><py-env>\n- numpy\n  - : [\n</py-env></head><body></body></html>", "e.html"))
                .isInstanceOf(dev.pagebook.format.NotebookFormatException.class)
                .hasMessageStartingWith("line 1: <py-env> is not valid YAML:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void modernPagesAreNotLegacy() throws Exception {
        assertThat(LegacyPageMigrator.isLegacy(corpus("26-event-handlers.html"))).isFalse();
        assertThat(LegacyPageMigrator.isLegacy(corpus("10-py-script-element.html"))).isFalse();
    }

    @Test
    void lastExpressionRules() {
        assertThat(rewrite("x = 1\nx\n")).isEqualTo("from pyscript import display\nx = 1\ndisplay(x)\n");
        assertThat(rewrite("x = 1\nx + 1  # comment\n")).endsWith("display(x + 1)\n");
        assertThat(rewrite("x = 1\n")).isEqualTo("x = 1\n");
        assertThat(rewrite("x += 1\n")).isEqualTo("x += 1\n");
        assertThat(rewrite("print(1)\n")).isEqualTo("print(1)\n");
        assertThat(rewrite("for i in r:\n    i\n")).isEqualTo("for i in r:\n    i\n");
        assertThat(rewrite("f(a,\n  b)\n")).isEqualTo("f(a,\n  b)\n");
        assertThat(rewrite("s = '''\nx\n'''\n")).isEqualTo("s = '''\nx\n'''\n");
        assertThat(rewrite("a == b\n")).endsWith("display(a == b)\n");
        assertThat(rewrite("f(x=1)\n")).endsWith("display(f(x=1))\n");
        assertThat(rewrite("import os\n")).isEqualTo("import os\n");
    }

    @Test
    void pyscriptWriteInsideStringsIsLeftAlone() {
        assertThat(rewrite("s = 'pyscript.write(\"a\", 1)'\n")).isEqualTo("s = 'pyscript.write(\"a\", 1)'\n");
        assertThat(rewrite("pyscript.write('a', f(1, 2), append=True)\n"))
                .isEqualTo("from pyscript import display\ndisplay(f(1, 2), target='a', append=True)\n");
    }

    private static String rewrite(String code) {
        return LegacyPythonRewriter.rewrite(code, Set.of(), true).code();
    }
}
