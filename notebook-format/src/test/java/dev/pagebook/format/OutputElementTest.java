package dev.pagebook.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class OutputElementTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    static List<Output> everyKind() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", "<Figure size 640x480>");
        bundle.put("image/png", PNG + "\n");
        Map<String, String> rich = new LinkedHashMap<>();
        rich.put("text/html", "<table><tr><td>1</td></tr></table></div></div><script>var s = '</script>';</script>");
        rich.put("application/json", "{\"a\":[1,2,{\"b\":null}]}");
        rich.put("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>");
        rich.put("text/plain", "table");
        return List.of(
                new Output.Stream(Output.Stream.STDOUT, "line 1\n<b>not bold</b> & co\n"),
                new Output.Stream(Output.Stream.STDERR, "\nwarning: leading newline\n"),
                new Output.DisplayData(bundle, Map.of("image/png", Map.of("width", 640, "height", 480))),
                new Output.ExecuteResult(7, rich, Map.of()),
                new Output.DisplayData(Map.of("text/markdown", "# Title\n\n*em*"), Map.of()),
                new Output.Error("ZeroDivisionError", "division by zero",
                        List.of("\u001b[0;31mTraceback\u001b[0m", "  File \"<cell>\", line 1", "ZeroDivisionError: division by zero")));
    }

    @Test
    void everyOutputKindRoundTripsExactly() throws Exception {
        Notebook nb = NotebookReader.read("<body><script type=\"py\" id=\"c\">1/0</script>\n<p>after</p></body>");
        String written = NotebookWriter.write(nb.setOutputs("c", everyKind(), 7));
        Notebook back = NotebookReader.read(written);
        assertThat(back.pythonCell("c").orElseThrow().outputs()).isEqualTo(everyKind());
        assertThat(back.cells().get(back.cells().size() - 1).source()).isEqualTo("<p>after</p>");
    }

    @Test
    void outputsAreRealHtmlInTheElementThatIsTheCellsTarget() {
        String html = OutputElement.render("c", everyKind(), "\n");
        Document doc = Jsoup.parseBodyFragment("<script type=\"py\" id=\"c\" target=\"c-output\"></script>" + html);
        var element = doc.getElementById("c-output");
        assertThat(element).isNotNull();
        assertThat(element.hasClass("pagebook-output")).isTrue();
        assertThat(element.select("pre.pagebook-stdout").text()).contains("<b>not bold</b> & co");
        assertThat(element.select("img").attr("src")).isEqualTo("data:image/png;base64," + PNG);
        assertThat(element.select("div.pagebook-display table")).hasSize(1);
        assertThat(element.select("div.pagebook-display h1").text()).isEqualTo("Title");
        assertThat(element.select("pre.pagebook-error").text()).contains("Traceback").doesNotContain("\u001b");
        // The stray </div>s in the HTML output did not end the output element.
        assertThat(element.select("pre.pagebook-error")).hasSize(1);
    }

    @Test
    void embeddedJsonNeverContainsAnEndTag() {
        String html = OutputElement.render("c", List.of(new Output.Stream("stdout", "</script></div><!--")), "\n");
        String data = html.substring(html.indexOf("pagebook-output-data\">"), html.indexOf("</script>"));
        assertThat(data).doesNotContain("<").contains("\\u003C/script\\u003E");
    }
}
