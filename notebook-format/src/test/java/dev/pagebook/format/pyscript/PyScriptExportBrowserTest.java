package dev.pagebook.format.pyscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagebook.format.pyscript.browser.CdnEmulator;
import dev.pagebook.format.pyscript.browser.CdpSession;
import dev.pagebook.format.pyscript.browser.HeadlessChromium;
import dev.pagebook.format.pyscript.browser.LocalHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: export a notebook, open the page in headless Chromium, and check that the live
 * outputs equal the saved (kernel) outputs, that handlers work, and what the page downloaded.
 */
class PyScriptExportBrowserTest {

    static final Duration LIVE_TIMEOUT = Duration.ofSeconds(120);
    static final String WITH_PACKAGES = "calendar-notebook.html";
    static final String STDLIB_ONLY = "days-notebook.html";

    static RuntimeAssets assets;

    @TempDir
    Path dir;

    @BeforeAll
    static void runtimePresent() {
        assets = RuntimeAssets.fromDefaultCache();
        assumeTrue(HeadlessChromium.available(), "needs Debian's chromium (bin/setup installs it)");
        assets.requireRuntime();
    }

    static Path fixture(String name, Path dir) throws IOException {
        Path file = dir.resolve(name);
        try (var in = PyScriptExportBrowserTest.class.getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void offlinePageRunsFromDiskWithTheNetworkOff() throws Exception {
        Path notebook = fixture(WITH_PACKAGES, dir);
        byte[] before = Files.readAllBytes(notebook);
        ExportResult result = PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.OFFLINE, dir.resolve("out/calendar.html"), assets));
        assertThat(Files.readAllBytes(notebook)).isEqualTo(before);
        assertThat(result.packages()).contains("python-dateutil", "six");

        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            List<String> requested = new ArrayList<>();
            page.on("Network.requestWillBeSent", event -> requested.add(event.path("request").path("url").asText()));
            page.send("Network.enable", Map.of());
            page.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            page.send("Page.navigate", Map.of("url", result.page().toUri().toString()));
            assertLiveOutputsEqualSaved(page);
            assertHandlersWork(page, "2024-02-29");
            assertThat(requested).allSatisfy(url -> assertThat(url).matches("^(file|blob|data):.*"));
        }
    }

    @Test
    void linkedPageLoadsThePinnedCdnRuntime() throws Exception {
        Path notebook = fixture(STDLIB_ONLY, dir);
        ExportResult result = PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.LINKED, dir.resolve("days.html"), assets));
        String html = Files.readString(result.page());
        assertThat(html).contains(assets.versions().coreUrl()).doesNotContain("pyscript.net/releases");
        assertThat(result.bytes()).isLessThan(100_000);

        try (LocalHttpServer server = new LocalHttpServer(dir);
             HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            CdnEmulator cdn = new CdnEmulator(page, assets);
            page.send("Page.navigate", Map.of("url", server.url("days.html")));
            assertLiveOutputsEqualSaved(page);
            assertHandlersWork(page, "2024-03-02");
            assertThat(cdn.bytesServed()).isGreaterThan(1_000_000);
        }
    }

    @Test
    void siteReloadDownloadsNothingAndWorksOffline() throws Exception {
        Path notebook = fixture(WITH_PACKAGES, dir);
        ExportResult result = PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.SITE, dir.resolve("site"), assets));
        assertThat(result.files()).anySatisfy(file -> assertThat(file.toString()).endsWith("sw.js"));

        try (LocalHttpServer server = new LocalHttpServer(dir.resolve("site"));
             HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            page.send("Page.navigate", Map.of("url", server.url("")));
            assertLiveOutputsEqualSaved(page);
            page.waitFor("navigator.serviceWorker.controller", Duration.ofSeconds(30));

            server.resetCounters();
            page.send("Page.reload", Map.of());
            page.waitFor("document.readyState === 'complete' && window.pagebook", Duration.ofSeconds(30));
            assertLiveOutputsEqualSaved(page);
            assertThat(server.bodyBytes()).as("bytes downloaded by the reload").isZero();

            page.send("Network.enable", Map.of());
            page.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            page.send("Page.reload", Map.of());
            page.waitFor("document.readyState === 'complete' && window.pagebook", Duration.ofSeconds(30));
            assertLiveOutputsEqualSaved(page);
            assertHandlersWork(page, "2024-02-29");
        }
    }

    @Test
    void staticPageShowsSavedOutputsWithoutPython() throws Exception {
        Path notebook = fixture(WITH_PACKAGES, dir);
        ExportResult result = PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.STATIC, dir.resolve("static.html"), assets));
        String html = Files.readString(result.page());
        assertThat(html).doesNotContain("core.js", "py-config", "pagebook-boot");

        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            page.send("Page.navigate", Map.of("url", result.page().toUri().toString()));
            page.waitFor("document.readyState === 'complete'", Duration.ofSeconds(30));
            JsonNode shown = page.evaluate("[...document.querySelectorAll('.pagebook-output > :not(script)')].map(o => o.textContent)");
            assertThat(shown.toString()).contains("one month after 2024-01-31 is 2024-02-29", "ZeroDivisionError");
        }
    }

    @Test
    void modulesNextToTheNotebookAreImportedInTheBrowser() throws Exception {
        Path notebook = dir.resolve("nb/helpers-notebook.html");
        Files.createDirectories(notebook.getParent().resolve("tools"));
        Files.writeString(notebook, """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>helpers</title></head><body>
                <script type="py" id="c1" target="c1-output">
                import helpers
                from tools.calc import double
                print(helpers.GREETING, double(21), helpers.__file__)
                </script>
                </body></html>
                """);
        Files.writeString(notebook.resolveSibling("helpers.py"), "GREETING = 'hello from helpers.py'\n");
        Files.writeString(notebook.resolveSibling("tools/__init__.py"), "");
        Files.writeString(notebook.resolveSibling("tools/calc.py"), "def double(x):\n    return 2 * x\n");
        // Exported elsewhere: the page must not rely on the files beside it.
        ExportResult result = PyScriptExporter.export(notebook,
                new ExportOptions(ExportMode.OFFLINE, dir.resolve("elsewhere/page.html"), assets));

        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            page.send("Page.navigate", Map.of("url", result.page().toUri().toString()));
            page.waitFor("document.documentElement.dataset.pagebook", LIVE_TIMEOUT);
            assertThat(page.evaluate("document.getElementById('c1-output').innerText").asText())
                    .isEqualTo("hello from helpers.py 42 /pagebook-modules/helpers.py\n");
        }
    }

    @Test
    void magicsMeanInThePageWhatTheyMeanInTheKernel() throws Exception {
        Path notebook = dir.resolve("magics.html");
        Files.writeString(notebook, """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>magics</title></head><body>
                <script type="py" id="c1" target="c1-output">
                %time total = sum(range(10))
                print(total)
                </script>
                <script type="py" id="c2" target="c2-output">
                %%html
                <i id="made-by-magic">made by %%html</i>
                </script>
                <script type="py" id="c3" target="c3-output">
                %pip install nothing-here
                !ls
                </script>
                </body></html>
                """);
        ExportResult result = PyScriptExporter.export(notebook, new ExportOptions(ExportMode.OFFLINE, dir.resolve("page.html"), assets));

        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            page.send("Page.navigate", Map.of("url", result.page().toUri().toString()));
            page.waitFor("document.documentElement.dataset.pagebook", LIVE_TIMEOUT);
            assertThat(page.evaluate("document.getElementById('c1-output').innerText").asText())
                    .matches("(?s)CPU times: total: .*\nWall time: .*\n45\n");
            assertThat(page.evaluate("document.querySelector('#c2-output #made-by-magic')?.textContent").asText())
                    .isEqualTo("made by %%html");
            assertThat(page.evaluate("document.getElementById('c3-output').innerText").asText())
                    .contains("%pip install nothing-here: skipped in the page")
                    .contains("UsageError: !ls: shell commands cannot run in a web page")
                    .doesNotContain("pagebook magics");
        }
    }

    /** Saved outputs show before Python; the live ones replace them with the same text. */
    static void assertLiveOutputsEqualSaved(CdpSession page) throws InterruptedException {
        page.waitFor("document.getElementById('c3-output')", Duration.ofSeconds(30));
        JsonNode saved = page.evaluate(OUTPUTS);
        assertThat(saved.size()).isEqualTo(3);
        page.waitFor("document.documentElement.dataset.pagebook", LIVE_TIMEOUT);
        assertThat(page.evaluate("document.documentElement.dataset.pagebook").asText())
                .as("page status: %s", page.evaluate("document.getElementById('pagebook-status')?.textContent"))
                .isEqualTo("live");
        JsonNode live = page.evaluate(OUTPUTS);
        assertThat(live).isEqualTo(saved);
        assertThat(page.evaluate("document.querySelectorAll('.pagebook-output > :not(script)').length").asInt())
                .as("no duplicated outputs").isEqualTo(5);
    }

    static void assertHandlersWork(CdpSession page, String afterNext) throws InterruptedException {
        page.evaluate("document.getElementById('next').click()");
        page.waitFor("document.getElementById('shown').innerText === '" + afterNext + "'", Duration.ofSeconds(10));
        page.evaluate("document.getElementById('reset').click()");
        page.waitFor("document.getElementById('shown').innerText === 'reset'", Duration.ofSeconds(10));
    }

    /** Per cell: the outputs' nbformat data (execution counts aside) and what the reader sees. */
    private static final String OUTPUTS = "['c1-output','c2-output','c3-output'].map(id => {"
            + " const target = document.getElementById(id);"
            + " const data = JSON.parse(target.querySelector('script.pagebook-output-data').textContent)"
            + "   .map(({execution_count, metadata, ...output}) => output);"
            + " const shown = [...target.children].filter(o => o.tagName !== 'SCRIPT')"
            + "   .map(o => ({kind: o.tagName + '.' + o.className, text: o.textContent, image: o.tagName === 'IMG' && o.naturalWidth > 0}));"
            + " return JSON.parse(JSON.stringify({data, shown}).replace(/ at 0x[0-9a-f]+/g, ' at 0x…')); })";
}
