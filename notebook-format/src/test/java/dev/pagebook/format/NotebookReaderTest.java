package dev.pagebook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.model.PythonCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookReaderTest {

    private static final String HEAD = "<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body>\n";
    private static final String TAIL = "</body>\n</html>\n";

    private static Notebook read(String body) throws NotebookFormatException {
        return NotebookReader.read(HEAD + body + TAIL, "page.html");
    }

    @Test
    void pythonCellsAndTheHtmlBetweenThemAreSegments() throws Exception {
        Notebook nb = read("<h1>T</h1>\n<script type=\"py\">a = 1\n</script>\n<p>x</p>\n<script type=\"py\">print(a)</script>\n");
        assertThat(nb.cells()).hasSize(4);
        assertThat(nb.cells().get(0)).isEqualTo(new HtmlCell("<h1>T</h1>\n"));
        assertThat(((PythonCell) nb.cells().get(1)).source()).isEqualTo("a = 1\n");
        assertThat(nb.cells().get(2)).isEqualTo(new HtmlCell("<p>x</p>\n"));
        assertThat(nb.frame().prologue()).isEqualTo(HEAD);
        assertThat(nb.frame().epilogue()).isEqualTo(TAIL);
    }

    @Test
    void whitespaceBetweenCellsBelongsToTheCellBeforeIt() throws Exception {
        Notebook nb = read("<script type=\"py\">a</script>\n\n  <script type=\"py\">b</script>\n");
        assertThat(nb.cells()).hasSize(2).allMatch(c -> c instanceof PythonCell);
        assertThat(NotebookWriter.write(nb)).isEqualTo(HEAD + "<script type=\"py\">a</script>\n\n  <script type=\"py\">b</script>\n" + TAIL);
    }

    @Test
    void allFourPyScriptFormsAreCellsAndRememberTheirForm() throws Exception {
        Notebook nb = read("<script type=\"py\">1</script><script type=\"mpy\">2</script><py-script>3</py-script><mpy-script>4</mpy-script>");
        assertThat(nb.pythonCells()).extracting(PythonCell::form)
                .containsExactly(CellForm.SCRIPT_PY, CellForm.SCRIPT_MPY, CellForm.PY_SCRIPT, CellForm.MPY_SCRIPT);
    }

    @Test
    void otherScriptsTemplatesTextareasAndCommentsAreHtml() throws Exception {
        Notebook nb = read("<script>js()</script><script type=\"text/python\">x</script>"
                + "<template><script type=\"py\">t</script></template><textarea><script type=\"py\">u</script></textarea>"
                + "<!-- <script type=\"py\">c</script> -->");
        assertThat(nb.pythonCells()).isEmpty();
    }

    @Test
    void customElementTextIsEntityDecodedLikeTextContent() throws Exception {
        Notebook nb = read("<py-script>if a &lt; b &amp;&amp; c:\n    pass</py-script>");
        assertThat(nb.pythonCells().get(0).source()).isEqualTo("if a < b && c:\n    pass");
    }

    @Test
    void scriptEndTagInsidePythonEndsTheCellAsInABrowser() throws Exception {
        String body = "<script type=\"py\">s = \"</script>\"\nprint(s)</script>\n";
        Notebook nb = read(body);
        assertThat(nb.pythonCells().get(0).source()).isEqualTo("s = \"");
        assertThat(nb.cells().get(1)).isInstanceOf(HtmlCell.class);
        assertThat(NotebookWriter.write(nb)).isEqualTo(HEAD + body + TAIL);
    }

    @Test
    void attributesExcludeTypeIdAndManagedTarget() throws Exception {
        Notebook nb = read("<script type=\"py\" id=\"a\" worker name=w target=\"a-output\" config='{\"packages\":[]}'>x</script>");
        PythonCell cell = nb.pythonCells().get(0);
        assertThat(cell.id()).isEqualTo("a");
        assertThat(cell.attributes()).containsExactly(Map.entry("worker", ""), Map.entry("name", "w"),
                Map.entry("config", "{\"packages\":[]}"));
    }

    @Test
    void userTargetIsKeptAsAttribute() throws Exception {
        Notebook nb = read("<div id=\"chart\"></div><script type=\"py\" id=\"a\" target=\"chart\">x</script>");
        assertThat(nb.pythonCells().get(0).attributes()).containsEntry("target", "chart");
    }

    @Test
    void idsAreKeptOrAssignedWithoutCollidingWithPageIds() throws Exception {
        Notebook nb = read("<p id=\"cell-1\"></p><script type=\"py\">a</script><script type=\"py\" id=\"mine\">b</script>"
                + "<script type=\"py\">c</script>");
        assertThat(nb.pythonCells()).extracting(PythonCell::id).containsExactly("cell-2", "mine", "cell-3");
    }

    @Test
    void idComesFromTheOutputElementWhenTheScriptHasNone() throws Exception {
        Notebook nb = read("<script type=\"py\">a</script>\n<div id=\"k9-output\" class=\"pagebook-output\"></div>\n");
        assertThat(nb.pythonCells().get(0).id()).isEqualTo("k9");
    }

    @Test
    void duplicateIdsAreAnError() {
        assertThatThrownBy(() -> read("<script type=\"py\" id=\"a\">1</script>\n<script type=\"py\" id=\"a\">2</script>"))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessage("page.html: duplicate cell id 'a' (line 7 and line 8)");
    }

    @Test
    void unclosedCellsAreAnError() {
        assertThatThrownBy(() -> NotebookReader.read("<body><script type=\"py\">print(1)\n", "p.html"))
                .hasMessage("p.html: line 1: <script type=\"py\"> is never closed (no </script>)");
        assertThatThrownBy(() -> NotebookReader.read("<body><py-script>print(1)\n</body>", "p.html"))
                .hasMessage("p.html: line 1: <py-script> is never closed (no </py-script>)");
        assertThatThrownBy(() -> read("<script type=\"py\">x</script>\n<div class=\"pagebook-output\"><p>x</p>\n"))
                .hasMessageContaining("the output element after the cell is never closed");
    }

    @Test
    void jsonIsNotReadAsAPage() {
        assertThatThrownBy(() -> NotebookReader.read("  {\"cells\": []}", "n.html"))
                .hasMessageStartingWith("n.html: looks like JSON, not an HTML page");
    }

    @Test
    void metadataGivesExecutionCountsAndTimings() throws Exception {
        String head = "<!DOCTYPE html><html><head><script type=\"application/json\" id=\"pagebook-metadata\">"
                + "{\"format_version\":1,\"kernel\":{\"name\":\"graalpy\",\"version\":\"25.0.3\"},"
                + "\"cells\":{\"a\":{\"execution_count\":4,\"started\":\"2026-01-02T03:04:05Z\",\"duration_ms\":7}},"
                + "\"future\":{\"x\":1}}</script></head><body>";
        Notebook nb = NotebookReader.read(head + "<script type=\"py\" id=\"a\">1</script></body></html>");
        assertThat(nb.pythonCells().get(0).executionCount()).isEqualTo(4);
        assertThat(nb.metadata().kernel().name()).isEqualTo("graalpy");
        assertThat(nb.metadata().cell("a").durationMillis()).isEqualTo(7L);
        assertThat(nb.metadata().extra()).containsKey("future");
        assertThat(NotebookWriter.write(nb)).isEqualTo(head + "<script type=\"py\" id=\"a\">1</script></body></html>");
    }

    @Test
    void badMetadataIsAnError() {
        String open = "<html><head><script type=\"application/json\" id=\"pagebook-metadata\">";
        assertThatThrownBy(() -> NotebookReader.read(open + "{nope</script></head></html>", "m.html"))
                .hasMessageStartingWith("m.html: line 1: invalid pagebook-metadata JSON:");
        assertThatThrownBy(() -> NotebookReader.read(open + "{\"format_version\":99}</script></head></html>", "m.html"))
                .hasMessageContaining("format_version 99 is newer than this Pagebook understands");
        assertThatThrownBy(() -> NotebookReader.read(open + "{}</script>" + open + "{}</script></head></html>", "m.html"))
                .hasMessageContaining("more than one element with id \"pagebook-metadata\"");
        assertThatThrownBy(() -> NotebookReader.read("<html><body><script type=\"py\">1</script>"
                + "<script type=\"application/json\" id=\"pagebook-metadata\">{}</script></body></html>", "m.html"))
                .hasMessageContaining("must be in <head>");
    }

    @Test
    void badOutputDataIsAnError() {
        assertThatThrownBy(() -> read("<script type=\"py\" id=\"a\">1</script><div id=\"a-output\" class=\"pagebook-output\">"
                + "<script type=\"application/json\" class=\"pagebook-output-data\">[{\"output_type\":\"nope\"}]</script></div>"))
                .hasMessageContaining("invalid output data: output 1: unknown output_type 'nope'");
    }

    @Test
    void pyConfigTomlIsParsed() throws Exception {
        Notebook nb = NotebookReader.read("<html><head><py-config>\npackages = [\"numpy\", \"pandas&lt;3\"]\ninterpreter = \"0.27.0\"\n"
                + "[files]\n\"https://x/data.csv\" = \"./data.csv\"\n[splashscreen]\nautoclose = true\n</py-config></head><body></body></html>");
        PyScriptConfig config = nb.config();
        assertThat(config.packages()).containsExactly("numpy", "pandas<3");
        assertThat(config.files()).containsEntry("https://x/data.csv", "./data.csv");
        assertThat(config.interpreter()).isEqualTo("0.27.0");
        assertThat(config.other()).containsKey("splashscreen");
        assertThat(config.location()).isEqualTo(PyScriptConfig.Location.PY_CONFIG_ELEMENT);
    }

    @Test
    void pyConfigJsonAndConfigAttributeAreParsed() throws Exception {
        assertThat(NotebookReader.read("<py-config type=\"json\">{\"packages\":[\"a\"]}</py-config>").config().packages())
                .containsExactly("a");
        Notebook attr = read("<script type=\"py\" config='{\"packages\":[\"b\"]}'>1</script>");
        assertThat(attr.config().packages()).containsExactly("b");
        assertThat(attr.config().location()).isEqualTo(PyScriptConfig.Location.CELL_ATTRIBUTE);
    }

    @Test
    void externalConfigIsReadNextToThePage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pyscript.toml"), "packages = [\"numpy\"]\n");
        Path page = dir.resolve("p.html");
        Files.writeString(page, HEAD + "<script type=\"py\" config=\"pyscript.toml\">1</script>\n" + TAIL);
        PyScriptConfig config = NotebookReader.read(page).config();
        assertThat(config.location()).isEqualTo(PyScriptConfig.Location.EXTERNAL);
        assertThat(config.src()).isEqualTo("pyscript.toml");
        assertThat(config.packages()).containsExactly("numpy");
    }

    @Test
    void invalidOrDuplicatedConfigIsAnError() {
        assertThatThrownBy(() -> NotebookReader.read("<py-config>packages = [</py-config>", "c.html"))
                .hasMessageStartingWith("c.html: line 1: invalid PyScript config: invalid TOML");
        assertThatThrownBy(() -> NotebookReader.read("<py-config></py-config><py-config></py-config>", "c.html"))
                .hasMessageContaining("more than one <py-config>");
    }

    @Test
    void codeIsDedentedForExecution() throws Exception {
        Notebook nb = read("  <script type=\"py\">\n    if x:\n        y()\n\n    z()\n  </script>\n");
        assertThat(nb.pythonCells().get(0).code()).isEqualTo("if x:\n    y()\n\nz()\n");
    }

    @Test
    void crlfFilesKeepCrlfForGeneratedText() throws Exception {
        Notebook nb = NotebookReader.read("<html>\r\n<body>\r\n<script type=\"py\">1</script>\r\n</body></html>");
        assertThat(nb.lineSeparator()).isEqualTo("\r\n");
        String written = NotebookWriter.write(nb.appendPythonCell("2"));
        assertThat(written).contains("<script type=\"py\">1</script>\r\n<script type=\"py\" id=\"cell-2\">2</script>\r\n");
    }

    @Test
    void readingTheSameTextTwiceGivesEqualCells() throws Exception {
        String page = HEAD + "<script type=\"py\">a</script><p>x</p>" + TAIL;
        List<Cell> first = NotebookReader.read(page).cells();
        assertThat(NotebookReader.read(page).cells()).isEqualTo(first);
    }
}
