package dev.pagebook.kernel.dom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.GraalPyKernel;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.OutputSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pyscript module against the headless (jsoup) page. */
class PyScriptModuleTest {

    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Demo page</title></head><body>
            <h1 id="title" class="big">Hello</h1>
            <div id="plot"></div>
            <ul id="list"><li>one</li></ul>
            <button id="go">Go</button>
            <button id="legacy" py-click="on_legacy">Legacy</button>
            <script type="py" id="c1">print(1)</script>
            </body></html>""";

    private static GraalPyKernel kernel;
    private HeadlessDomBridge page;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false)
                .withPageConfig("{\"packages\": [\"numpy\"]}"));
        kernel.ready().get(2, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    @BeforeEach
    void freshPage() {
        page = new HeadlessDomBridge(PAGE, "file:///tmp/demo.html", (kind, text) -> messages.add(kind + ":" + text));
        kernel.setDomBridge(page);
    }

    private List<Output> run(String code) throws Exception {
        List<Output> outputs = new ArrayList<>();
        OutputSink sink = outputs::add;
        ExecutionReply reply = kernel.execute("cell", code, sink).get(1, TimeUnit.MINUTES);
        assertThat(reply.status()).as("%s", outputs).isEqualTo(ExecutionReply.Status.OK);
        return outputs;
    }

    private static String stdout(List<Output> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.stream().filter(o -> o instanceof Output.Stream s && s.name().equals("stdout"))
                .forEach(o -> text.append(((Output.Stream) o).text()));
        return text.toString();
    }

    @Test
    void importsTheWholeApi() throws Exception {
        List<Output> out = run("""
                from pyscript import display, HTML, document, window, when, current_target, config, RUNNING_IN_WORKER
                from pyscript.ffi import create_proxy, to_js
                import pyscript.web
                print(RUNNING_IN_WORKER, config['packages'], current_target(), document.title)
                """);
        assertThat(stdout(out)).isEqualTo("False ['numpy'] cell-output Demo page\n");
    }

    @Test
    void displayWithTargetEscapesStringsAndKeepsHtmlRaw() throws Exception {
        List<Output> out = run("""
                from pyscript import display, HTML
                display("<b>not bold</b>", target="plot")
                display(HTML("<b>bold</b>"), target="#plot")
                """);
        assertThat(page.document().getElementById("plot").html())
                .isEqualTo("<div>&lt;b&gt;not bold&lt;/b&gt;</div><div><b>bold</b></div>");
        assertThat(out).singleElement().satisfies(o -> {
            Output.DisplayData d = (Output.DisplayData) o;
            assertThat(d.metadata()).containsEntry("pagebook", java.util.Map.of("target", "plot"));
            assertThat(d.data().get("text/html")).contains("<b>bold</b>").contains("&lt;b&gt;not bold");
        });
        run("from pyscript import display\ndisplay('only', target='plot', append=False)");
        assertThat(page.document().getElementById("plot").text()).isEqualTo("only");
    }

    @Test
    void displayWithoutTargetIsTheCellsOutput() throws Exception {
        List<Output> out = run("from pyscript import display, HTML\ndisplay('<i>', HTML('<i>x</i>'))");
        assertThat(out).hasSize(2);
        assertThat(((Output.DisplayData) out.get(0)).data()).containsEntry("text/plain", "<i>");
        assertThat(((Output.DisplayData) out.get(1)).data()).containsEntry("text/html", "<i>x</i>");
    }

    @Test
    void documentReadsAndWritesThePage() throws Exception {
        run("""
                from pyscript import document, window
                h = document.getElementById("title")
                assert h.textContent == "Hello" and h.tagName == "H1", h.tagName
                h.innerText = "Changed"
                h.classList.add("red")
                h.style.backgroundColor = "yellow"
                li = document.createElement("li")
                li.textContent = "two"
                document.querySelector("#list").appendChild(li)
                assert [e.textContent for e in document.querySelectorAll("#list li")] == ["one", "two"]
                window.console.log("logged")
                """);
        var title = page.document().getElementById("title");
        assertThat(title.text()).isEqualTo("Changed");
        assertThat(title.classNames()).containsExactly("big", "red");
        assertThat(title.attr("style")).isEqualTo("background-color: yellow");
        assertThat(page.document().select("#list li")).hasSize(2);
        assertThat(messages).containsExactly("log:logged");
    }

    @Test
    void webModuleFindsCreatesAndStyles() throws Exception {
        run("""
                from pyscript.web import page, div, p
                title = page["#title"][0]
                title.innerHTML = "<em>web</em>"
                title.classes.add("shiny")
                title.style["color"] = "blue"
                box = div(p("para", classes=["note"]), id="made")
                page["#plot"][0].append(box)
                assert len(page.find("li")) == 1
                """);
        assertThat(page.document().getElementById("title").html()).isEqualTo("<em>web</em>");
        assertThat(page.document().getElementById("title").hasClass("shiny")).isTrue();
        assertThat(page.document().getElementById("title").attr("style")).isEqualTo("color: blue");
        assertThat(page.document().select("#plot > #made > p.note").text()).isEqualTo("para");
    }

    @Test
    void whenAndPyClickHandlersRunOnEvents() throws Exception {
        run("""
                from pyscript import when, document
                clicks = []
                @when("click", "#go")
                def on_go(event):
                    clicks.append(event.target.id)
                    document.getElementById("title").textContent = f"clicked {len(clicks)}"
                def on_legacy():
                    print("legacy clicked")
                """);
        String go = page.select(null, "#go").get(0);
        assertThat(page.listenedEvents(go)).containsExactly("click");
        List<Output> out = new ArrayList<>();
        assertThat(kernel.dispatchEvent(go, "click", out::add).get().status()).isEqualTo(ExecutionReply.Status.OK);
        assertThat(page.document().getElementById("title").text()).isEqualTo("clicked 1");
        String legacy = page.select(null, "#legacy").get(0);
        List<Output> legacyOut = new ArrayList<>();
        kernel.dispatchEvent(legacy, "click", legacyOut::add).get();
        assertThat(stdout(legacyOut)).isEqualTo("legacy clicked\n");
    }

    @Test
    void handlersSurviveReRunningTheirCellAndAReloadedPage() throws Exception {
        String cell = """
                from pyscript import when, document
                clicks = []
                @when("click", "#go")
                def on_go(event):
                    clicks.append(event.target.id)
                    document.getElementById("title").textContent = f"clicked {len(clicks)}"
                def on_list(event):
                    print("list clicked")
                document.getElementById("list").addEventListener("click", on_list)
                """;
        run(cell);
        run(cell.replace("clicks = []\n", "clicks = []\nprint('again')\n"));
        kernel.dispatchEvent(page.select(null, "#go").get(0), "click", o -> { }).get();
        assertThat(page.document().getElementById("title").text()).as("one handler after a re-run").isEqualTo("clicked 1");

        HeadlessDomBridge reloaded = new HeadlessDomBridge(PAGE.replace("<h1", "<p>new first element</p><h1"),
                "file:///tmp/demo.html", (kind, text) -> { });
        kernel.setDomBridge(reloaded);
        assertThat(kernel.rebindEvents(o -> { }).get(1, TimeUnit.MINUTES).status()).isEqualTo(ExecutionReply.Status.OK);
        String go = reloaded.select(null, "#go").get(0);
        assertThat(reloaded.listenedEvents(go)).containsExactly("click");
        kernel.dispatchEvent(go, "click", o -> { }).get();
        assertThat(reloaded.document().getElementById("title").text()).isEqualTo("clicked 2");
        List<Output> out = new ArrayList<>();
        kernel.dispatchEvent(reloaded.select(null, "#list").get(0), "click", out::add).get();
        assertThat(stdout(out)).isEqualTo("list clicked\n");
    }
}
