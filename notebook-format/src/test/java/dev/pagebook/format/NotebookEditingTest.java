package dev.pagebook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.CellInfo;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.KernelInfo;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.model.PythonCell;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each editing operation changes only its own part of the file. */
class NotebookEditingTest {

    private static final String HEAD = "<!DOCTYPE html>\n<HTML>\n<head>\n<title>t</title>\n</head>\n<body>\n";
    private static final String A = "<SCRIPT type=py>a = 1</SCRIPT>\n";
    private static final String P = "<p class=x>between &amp; more</p>\n";
    private static final String B = "<script type=\"py\" id=\"b\">print(a)</script>\n";
    private static final String TAIL = "<!-- end -->\n</body>\n</html>\n";
    private static final String PAGE = HEAD + A + P + B + TAIL;

    private static Notebook page() throws NotebookFormatException {
        return NotebookReader.read(PAGE);
    }

    @Test
    void untouchedNotebookIsIdentical() throws Exception {
        assertThat(NotebookWriter.write(page())).isEqualTo(PAGE);
    }

    @Test
    void editSourceReplacesOnlyTheContent() throws Exception {
        Notebook nb = page();
        assertThat(NotebookWriter.write(nb.editSource(0, "a = 2")))
                .isEqualTo(HEAD + "<SCRIPT type=py>a = 2</SCRIPT>\n" + P + B + TAIL);
        assertThat(NotebookWriter.write(nb.editSource(1, "<p>new</p>\n"))).isEqualTo(HEAD + A + "<p>new</p>\n" + B + TAIL);
    }

    @Test
    void insertAddsANewCellWithAnId() throws Exception {
        Notebook nb = page();
        String written = NotebookWriter.write(nb.insertCell(2, PythonCell.of(nb.newCellId(), "x = 3")));
        assertThat(written).isEqualTo(HEAD + A + P + "<script type=\"py\" id=\"cell-3\">x = 3</script>\n" + B + TAIL);
        assertThatThrownBy(() -> nb.insertCell(0, PythonCell.of("b", "dup"))).hasMessageContaining("duplicate cell id 'b'");
    }

    @Test
    void htmlLeftOpenIsClosedSoTheNextCellStaysACell() throws Exception {
        for (String open : List.of("<a", "<p title=\"x", "<!-- note", "<textarea>draft", "<TITLE>t", "<template><div")) {
            Notebook nb = NotebookReader.read("<p>x</p>\n").editSource(0, "<p>x</p>\n" + open);
            Notebook back = NotebookReader.read(NotebookWriter.write(nb.appendPythonCell("y = 1")));
            assertThat(back.pythonCells()).as(open).extracting(PythonCell::source).containsExactly("y = 1");
            assertThat(back.cells().get(0).source()).as(open).startsWith("<p>x</p>\n" + open);
        }
    }

    @Test
    void codeThatJsoupWouldNotEndIsWrittenAsACustomElement() throws Exception {
        for (String code : List.of("x = '</a", "s = '</a<y", "# </scrip")) {
            String written = NotebookWriter.write(NotebookReader.read("<p>x</p>\n").appendPythonCell(code).appendPythonCell("z = 2"));
            assertThat(NotebookReader.read(written).pythonCells()).as(code).extracting(PythonCell::source)
                    .containsExactly(code, "z = 2");
        }
    }

    @Test
    void deleteAndMoveKeepCellTextWithItsTrailingWhitespace() throws Exception {
        Notebook nb = page();
        assertThat(NotebookWriter.write(nb.deleteCell(1))).isEqualTo(HEAD + A + B + TAIL);
        assertThat(NotebookWriter.write(nb.moveCell(2, 0))).isEqualTo(HEAD + B + A + P + TAIL);
    }

    @Test
    void splitAndMerge() throws Exception {
        Notebook nb = page();
        Notebook split = nb.splitCell(2, "print(".length());
        assertThat(split.pythonCells()).extracting(PythonCell::source).containsExactly("a = 1", "print(", "a)");
        assertThat(NotebookReader.read(NotebookWriter.write(split)).pythonCells()).extracting(PythonCell::source)
                .containsExactly("a = 1", "print(", "a)");
        Notebook merged = split.mergeCells(2);
        assertThat(merged.pythonCells().get(1).source()).isEqualTo("print(\na)");
        assertThat(merged.pythonCells().get(1).id()).isEqualTo("b");
        Notebook htmlSplit = nb.splitCell(1, 3);
        assertThat(htmlSplit.cells().get(1)).isEqualTo(new HtmlCell("<p "));
        assertThat(NotebookWriter.write(htmlSplit.mergeCells(1))).isEqualTo(PAGE);
        assertThatThrownBy(() -> nb.mergeCells(0)).hasMessageContaining("cannot merge");
    }

    @Test
    void changeCellTypeBothWays() throws Exception {
        Notebook nb = page();
        Notebook html = nb.changeCellType(0);
        assertThat(html.cells().get(0)).isEqualTo(new HtmlCell("a = 1"));
        Notebook py = nb.changeCellType(1);
        assertThat(py.cells().get(1)).isInstanceOf(PythonCell.class);
        assertThat(((PythonCell) py.cells().get(1)).source()).isEqualTo(P);
    }

    @Test
    void setOutputsWritesIdTargetOutputElementAndMetadataOnly() throws Exception {
        Notebook nb = page();
        String id = nb.pythonCells().get(0).id();
        List<Output> outputs = List.of(new Output.Stream(Output.Stream.STDOUT, "1\n"));
        Notebook run = nb.setOutputs(id, outputs, 1)
                .withMetadata(nb.metadata().withKernel(new KernelInfo("graalpy", "25.0.3", "3.12"))
                        .withCell(id, new CellInfo(Instant.parse("2026-11-23T20:00:00Z"), 12L, Map.of())));
        String written = NotebookWriter.write(run);
        assertThat(written).startsWith("<!DOCTYPE html>\n<HTML>\n<head>\n<title>t</title>\n<script type=\"application/json\" id=\"pagebook-metadata\">");
        assertThat(written).contains("<script type=\"py\" id=\"" + id + "\" target=\"" + id + "-output\">a = 1</script>\n<div id=\""
                + id + "-output\" class=\"pagebook-output\">");
        assertThat(written).endsWith("</div>\n" + P + B + TAIL);
        Notebook back = NotebookReader.read(written);
        assertThat(back.pythonCells().get(0).outputs()).isEqualTo(outputs);
        assertThat(back.pythonCells().get(0).executionCount()).isEqualTo(1);
        assertThat(back.metadata().cell(id).durationMillis()).isEqualTo(12L);
        assertThat(back.metadata().kernel().version()).isEqualTo("25.0.3");
        assertThat(NotebookWriter.write(back)).isEqualTo(written);

        Notebook cleared = back.clearOutputs(id);
        String clearedText = NotebookWriter.write(cleared);
        assertThat(clearedText).contains("<div id=\"" + id + "-output\" class=\"pagebook-output\"></div>");
        assertThat(NotebookReader.read(clearedText).pythonCells().get(0).outputs()).isEmpty();
    }

    @Test
    void rerunReplacesOnlyTheOutputElementAndMetadata() throws Exception {
        Notebook nb = page();
        Notebook first = NotebookReader.read(NotebookWriter.write(nb.setOutputs("b", List.of(new Output.Stream("stdout", "1\n")), 1)));
        String before = NotebookWriter.write(first);
        String after = NotebookWriter.write(first.setOutputs("b", List.of(new Output.Stream("stdout", "2\n")), 2));
        String startTag = "<script type=\"py\" id=\"b\" target=\"b-output\">print(a)</script>";
        assertThat(after.substring(after.indexOf(startTag))).doesNotContain("\"1\\n\"");
        assertThat(after.substring(after.indexOf("</script>", after.indexOf("pagebook-metadata"))))
                .startsWith(before.substring(before.indexOf("</script>", before.indexOf("pagebook-metadata")), before.indexOf(startTag)));
    }

    @Test
    void sourceWithScriptEndTagIsWrittenAsPyScriptAndReadBackExactly() throws Exception {
        String tricky = "html = \"<script>x</script>\"\nif a < b and c > d & e:\n    print('<!-- no -->', html)\n";
        Notebook nb = page().editSource(0, tricky);
        String written = NotebookWriter.write(nb);
        assertThat(written).contains("<py-script>html = \"&lt;script&gt;x&lt;/script&gt;\"");
        PythonCell back = NotebookReader.read(written).pythonCells().get(0);
        assertThat(back.source()).isEqualTo(tricky);
        assertThat(back.form()).isEqualTo(CellForm.PY_SCRIPT);
    }

    @Test
    void configCanBeAddedAndEdited() throws Exception {
        Notebook nb = page();
        PyScriptConfig config = PyScriptConfig.NONE.withPackages(List.of("numpy"));
        String written = NotebookWriter.write(nb.withConfig(config));
        assertThat(written).startsWith(HEAD.replace("</head>", "<py-config>\npackages = ['numpy']\n</py-config>\n</head>"));
        Notebook back = NotebookReader.read(written);
        assertThat(back.config().packages()).containsExactly("numpy");
        Notebook edited = back.withConfig(back.config().withPackages(List.of("numpy", "matplotlib")));
        assertThat(NotebookReader.read(NotebookWriter.write(edited)).config().packages()).containsExactly("numpy", "matplotlib");
        assertThat(NotebookWriter.write(edited)).endsWith(A + P + B + TAIL);
    }

    @Test
    void configInACellAttributeIsRewrittenThereAndExternalConfigIsRefused() throws Exception {
        Notebook attr = NotebookReader.read("<body><script type=\"py\" id=\"a\" config='{\"packages\":[\"x\"]}'>1</script></body>");
        Notebook edited = attr.withConfig(attr.config().withPackages(List.of("x", "y")));
        String written = NotebookWriter.write(edited);
        assertThat(written).contains("config=\"{&quot;packages&quot;:[&quot;x&quot;,&quot;y&quot;]}\"");
        assertThat(NotebookReader.read(written).config().packages()).containsExactly("x", "y");
        Notebook external = NotebookReader.read("<body><script type=\"py\" config=\"pyscript.toml\">1</script></body>");
        assertThatThrownBy(() -> external.withConfig(PyScriptConfig.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("external file pyscript.toml");
    }

    @Test
    void emptyNotebookAndNewPage() throws Exception {
        Notebook nb = Notebook.empty().appendPythonCell("print(1)");
        Notebook back = NotebookReader.read(NotebookWriter.write(nb));
        assertThat(back.pythonCells()).extracting(PythonCell::source).containsExactly("print(1)");
        Notebook page = Notebook.newPage("A <b> title", List.of(new HtmlCell("<p>x</p>\n")), nb.metadata());
        String text = NotebookWriter.write(page);
        assertThat(text).contains("<title>A &lt;b&gt; title</title>").contains("@pyscript/core@0.7.31/dist/core.js");
    }
}
