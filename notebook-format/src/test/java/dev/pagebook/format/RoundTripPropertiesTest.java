package dev.pagebook.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.PythonCell;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random HTML around Python cells: read + write is byte-identical and never throws. */
class RoundTripPropertiesTest {

    @Property(tries = 1000)
    void readWriteIsByteIdentical(@ForAll("pages") String page) throws Exception {
        Notebook notebook = NotebookReader.read(page, "random.html");
        assertThat(NotebookWriter.write(notebook)).isEqualTo(page);
        List<Cell> again = NotebookReader.read(NotebookWriter.write(notebook)).cells();
        assertThat(again).isEqualTo(notebook.cells());
    }

    @Property(tries = 1000)
    void anySourceSurvivesWriteAndRead(@ForAll("pages") String page, @ForAll("sources") String source) throws Exception {
        Notebook notebook = NotebookReader.read(page, "random.html");
        List<PythonCell> cells = notebook.pythonCells();
        if (cells.isEmpty()) {
            notebook = notebook.appendPythonCell(source);
        } else {
            notebook = notebook.editSource(notebook.indexOf(cells.get(0).id()), source);
        }
        String written = NotebookWriter.write(notebook);
        Notebook back = NotebookReader.read(written, "written.html");
        PythonCell edited = back.pythonCells().get(cells.isEmpty() ? back.pythonCells().size() - 1 : 0);
        assertThat(edited.source()).isEqualTo(source);
    }

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.strings()
                .withChars("ab =()'\"\n\t<>/&!-;#é日")
                .withChars('\r')
                .ofMaxLength(60)
                .injectDuplicates(0.1)
                .edgeCases(e -> e.add("s = '</script>'\n").add("<!--<script>").add("&lt;&amp;").add("</py-script>"));
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> html = Arbitraries.oneOf(
                Arbitraries.of("<p>text</p>", "<DIV CLASS=x>", "</div>", "<br>", "<img src=a.png alt=x>", "<!-- comment -->",
                        "<!-- <script type=\"py\">no</script> -->", "&amp; &lt; &copy; &#169;", "Grüße 世界 🌍", "\r\n", "\n",
                        "  ", "\t", "<span id=s1>", "</span>", "<script>var a = '<b>';</script>", "<style>p{}</style>",
                        "<textarea><script type=\"py\">t</script></textarea>", "<template><script type=\"py\">t</script></template>",
                        "<table><tr><td>1</td></tr></table>", "<svg><circle r=1></circle></svg>", "<h1 title='a>b'>H</h1>",
                        "<button py-click=\"f\">b</button>", "<pre>\n x </pre>", "<![CDATA[x]]>", "</p>", "<p>", "<b><i>x</b></i>",
                        "<script type=\"text/python\">x</script>", "<input value=\"&quot;\">"),
                Arbitraries.strings().withChars("abc <>/=\"'&;!-\n").ofMaxLength(12));
        Arbitrary<String> gap = html.list().ofMaxSize(6).map(parts -> String.join("", parts));
        Arbitrary<String> cell = Combinators.combine(
                Arbitraries.of("<script type=\"py\"", "<SCRIPT TYPE=PY", "<script type='mpy'", "<script type=\" py \""),
                Arbitraries.of("", " id=\"c%d\"", " worker", " target=\"out\"", " config='{\"packages\":[]}'", " id=c%d name=x"),
                Arbitraries.of("print(1)", "\nx = 1\nx\n", "", "  if a < b:\n      pass\n", "s = '<b>' & 'x'", "é = '日本'\r\n"),
                Arbitraries.of("</script>", "</SCRIPT>", "</script >"))
                .as((open, attr, code, close) -> open + attr + ">" + code + close);
        Arbitrary<String> customCell = Arbitraries.of("<py-script>print(\"a &lt; b\")</py-script>", "<mpy-script>x = 1</mpy-script>");
        Arbitrary<String> anyCell = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, cell), net.jqwik.api.Tuple.of(1, customCell));
        Arbitrary<String> body = Combinators.combine(gap, anyCell, gap).as((a, c, b) -> a + c + b).list().ofMaxSize(6)
                .map(parts -> numberIds(String.join("", parts)));
        Arbitrary<String> prologue = Arbitraries.of("", "<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body>\n",
                "<!doctype html><HTML><HEAD><META charset=utf-8></HEAD><BODY>", "\uFEFF<html><body>",
                "<html>\r\n<head>\r\n<py-config>packages = [\"numpy\"]</py-config>\r\n</head>\r\n<body>\r\n", "<head><title>x</title>");
        Arbitrary<String> epilogue = Arbitraries.of("", "</body>\n</html>\n", "</BODY></HTML>", "</body>\n<!-- after -->\n</html>");
        return Combinators.combine(prologue, body, epilogue).as((p, b, e) -> p + b + e)
                .filter(page -> !page.stripLeading().replace("\uFEFF", "").startsWith("{")
                        && !page.stripLeading().replace("\uFEFF", "").startsWith("["));
    }

    /** Gives each {@code %d} id placeholder a distinct number, so ids are unique as the format requires. */
    private static String numberIds(String text) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        int pos = 0;
        for (int i = text.indexOf("%d"); i >= 0; i = text.indexOf("%d", pos)) {
            sb.append(text, pos, i).append(++n);
            pos = i + 2;
        }
        return sb.append(text.substring(pos)).toString();
    }

    @Property(tries = 50)
    void editsNeverTouchOtherHtmlCells(@ForAll("pages") String page) throws Exception {
        Notebook notebook = NotebookReader.read(page, "random.html");
        List<String> htmlBefore = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            if (!(cell instanceof PythonCell)) {
                htmlBefore.add(cell.source());
            }
        }
        Notebook edited = notebook;
        for (PythonCell cell : notebook.pythonCells()) {
            edited = edited.editSource(edited.indexOf(cell.id()), "print('x')");
        }
        String written = NotebookWriter.write(edited);
        for (String html : htmlBefore) {
            assertThat(written).contains(html);
        }
    }
}
