package dev.pagebook.app.window;

import static dev.pagebook.app.window.WindowFixture.await;
import static dev.pagebook.app.window.WindowFixture.awaitIdleKernel;
import static dev.pagebook.app.window.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.app.notebook.NotebookViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** HTML, SVG and Markdown results render under their cell in the real window, without running scripts. */
@ExtendWith(ApplicationExtension.class)
class RichOutputWindowTest {

    @TempDir
    static Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowFixture.window(stage, KernelFactory.graalPy(), WindowFixture.scratchRecoveryDir());
    }

    @Test
    void htmlSvgAndMarkdownOutputsShowRendered(FxRobot robot) {
        NotebookTab tab = fx(window::newNotebook);
        NotebookViewModel vm = tab.notebook();
        awaitIdleKernel(vm);
        fx(() -> {
            vm.cells().get(0).sourceProperty().set("""
                    from pyscript import display, HTML
                    class Frame:
                        def _repr_html_(self):
                            return ("<table id='t'><tr><th>col</th></tr><tr><td>cell A1</td></tr></table>"
                                    "<script>document.title = 'script ran'</script>")
                    class Drawing:
                        def _repr_svg_(self):
                            return '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#2f6fde"/></svg>'
                    class Note:
                        def _repr_markdown_(self):
                            return "# Heading\\n\\nsome **bold** text"
                    display(HTML("<p id='p'>raw <b>html</b></p>"))
                    display(Drawing())
                    display(Note())
                    Frame()
                    """);
            vm.runCell(0);
            return null;
        });
        awaitIdleKernel(vm);
        try {
            await("four rendered outputs", 60, () -> robot.lookup(".output-rendered").queryAll().size() == 4);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; outputs: " + fx(() -> vm.cells().get(0).outputs().toString()), e);
        }
        List<WebView> views = fx(() -> robot.lookup(".output-rendered").queryAll().stream()
                .map(node -> (WebView) ((HtmlFragmentView) node).webView()).toList());
        await("the outputs to load", 60, () -> views.stream().allMatch(v -> v.getEngine().getLoadWorker().getState()
                == javafx.concurrent.Worker.State.SUCCEEDED));

        assertThat(script(views.get(0), "document.getElementById('p').innerHTML")).isEqualTo("raw <b>html</b>");
        assertThat(script(views.get(1), "document.images.length + ':' + document.images[0].naturalWidth")).isEqualTo("1:120");
        assertThat(script(views.get(2), "document.querySelector('h1').textContent + '/' + document.querySelector('strong').textContent"))
                .isEqualTo("Heading/bold");
        assertThat(script(views.get(3), "document.querySelector('td').textContent")).isEqualTo("cell A1");
        assertThat(script(views.get(3), "document.title + '|' + document.scripts.length")).isEqualTo("|0");
        Node svg = fx(() -> robot.lookup(".output-rendered").queryAll().stream().toList().get(1));
        assertThat(fx(() -> svg.getStyleClass())).contains("output-image");
    }

    @Test
    void theVariablesPanelListsTheKernelsNamesAfterARun(FxRobot robot) {
        NotebookTab tab = fx(window::newNotebook);
        NotebookViewModel vm = tab.notebook();
        awaitIdleKernel(vm);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.V)
                .release(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        await("the variables panel", 30, tab::variablesShown);
        fx(() -> {
            vm.cells().get(0).sourceProperty().set("x = 41 + 1\nwords = ['a', 'b']\n_hidden = 1\n");
            vm.runCell(0);
            return null;
        });
        awaitIdleKernel(vm);
        await("x in the variables panel", 60, () -> tab.variables().getItems().stream().anyMatch(v -> v.name().equals("x")));
        var rows = fx(() -> List.copyOf(tab.variables().getItems()));
        assertThat(rows).anySatisfy(v -> {
            assertThat(v.name()).isEqualTo("x");
            assertThat(v.type()).isEqualTo("int");
            assertThat(v.shortRepr()).isEqualTo("42");
        });
        assertThat(rows).anySatisfy(v -> assertThat(v.name()).isEqualTo("words"));
        assertThat(rows).noneSatisfy(v -> assertThat(v.name()).isEqualTo("_hidden"));

        fx(() -> {
            vm.restart(null);
            return null;
        });
        awaitIdleKernel(vm);
        await("an empty panel after a restart", 60, () -> tab.variables().getItems().isEmpty());
    }

    @Test
    void thePreviewAnswersThePagesColorSchemeQueriesWithTheAppsTheme() throws Exception {
        Files.writeString(temp.resolve("scheme.css"), "@media (prefers-color-scheme: dark) { h1 { color: rgb(200, 100, 50); } }");
        Path file = Files.writeString(temp.resolve("scheme.html"), """
                <!DOCTYPE html>
                <html><head><style>
                body { background: rgb(250, 250, 250); }
                h1 { color: rgb(1, 2, 3); }
                @media (prefers-color-scheme: dark) { body { background: rgb(10, 20, 30); } }
                </style>
                <link rel="stylesheet" href="scheme.css">
                <script>
                document.addEventListener("DOMContentLoaded", function () {
                  document.body.dataset.scheme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
                });
                </script></head>
                <body><h1>Scheme</h1>
                <script type="py" id="c">x = 1</script>
                </body></html>
                """);
        NotebookTab tab = WindowFixture.open(window, file);
        WebView view = tab.preview().webView();
        String looks = "getComputedStyle(document.body).backgroundColor + ' ' + getComputedStyle(document.querySelector('h1')).color"
                + " + ' ' + document.body.dataset.scheme";
        String light = "rgb(250, 250, 250) rgb(1, 2, 3) light";
        await("the light page", 30, () -> light.equals(script(view, looks)));

        fx(() -> {
            window.setTheme(Theme.DARK);
            return null;
        });
        await("the page's dark colours: its style, its linked stylesheet, its script's matchMedia", 30,
                () -> "rgb(10, 20, 30) rgb(200, 100, 50) dark".equals(script(view, looks)));
        assertThat(Files.readString(file)).contains("@media (prefers-color-scheme: dark)");

        fx(() -> {
            window.setTheme(Theme.LIGHT);
            return null;
        });
        await("the light page again", 30, () -> light.equals(script(view, looks)));
    }

    private static String script(WebView view, String js) {
        return String.valueOf(fx(() -> view.getEngine().executeScript(js)));
    }
}
