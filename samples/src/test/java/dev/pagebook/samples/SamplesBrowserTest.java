package dev.pagebook.samples;

import static dev.pagebook.samples.PagebookCli.SAMPLES;
import static dev.pagebook.samples.PagebookCli.pagebook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.format.pyscript.ExportException;
import dev.pagebook.format.pyscript.ExportMode;
import dev.pagebook.format.pyscript.ExportOptions;
import dev.pagebook.format.pyscript.ExportResult;
import dev.pagebook.format.pyscript.PyScriptExporter;
import dev.pagebook.format.pyscript.RuntimeAssets;
import dev.pagebook.format.pyscript.browser.CdnEmulator;
import dev.pagebook.format.pyscript.browser.CdpSession;
import dev.pagebook.format.pyscript.browser.HeadlessChromium;
import dev.pagebook.format.pyscript.browser.LocalHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end, per sample: run it through the real GraalPy kernel ({@code bin/pagebook run}),
 * export that run's output as a PyScript page in each mode, open the page in headless Chromium
 * and check that Python in the browser prints and shows what the kernel did, cell by cell.
 *
 * <p>Only samples whose packages have browser builds here run in the browser: Pyodide's numpy and
 * matplotlib are published only on Pyodide's CDN, which this machine cannot reach. For those the
 * test checks that {@code offline} and {@code site} refuse with the one-line "no browser wheel"
 * message and that {@code linked} pins the CDN (where a reader's browser finds them).
 */
class SamplesBrowserTest {

    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(180);
    private static final Set<String> SCIENCE = Set.of("numpy", "matplotlib");
    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:from|import)\\s+([A-Za-z_]\\w*)", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RuntimeAssets assets;

    @TempDir
    Path tmp;

    @BeforeAll
    static void browserAndRuntimePresent() {
        assets = RuntimeAssets.fromDefaultCache();
        assumeTrue(HeadlessChromium.available(), "needs Debian's chromium (bin/setup installs it)");
        assets.requireRuntime();
    }

    /** Every sample page, and the packages its cells need (config packages and imported modules). */
    static Map<String, Set<String>> samplePackages() throws Exception {
        Map<String, Set<String>> samples = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Set<String> needs = new LinkedHashSet<>();
                Notebook notebook = NotebookReader.read(file);
                notebook.config().packages().forEach(p -> needs.add(p.toLowerCase(Locale.ROOT)));
                for (PythonCell cell : notebook.pythonCells()) {
                    Matcher imported = IMPORT.matcher(cell.code());
                    while (imported.find()) {
                        needs.add(imported.group(1).toLowerCase(Locale.ROOT));
                    }
                }
                samples.put(file.getFileName().toString(), needs);
            }
        }
        return samples;
    }

    static List<String> browserSamples() throws Exception {
        return samplePackages().entrySet().stream()
                .filter(sample -> sample.getValue().stream().noneMatch(SCIENCE::contains)).map(Map.Entry::getKey).toList();
    }

    static List<String> scienceSamples() throws Exception {
        return samplePackages().entrySet().stream()
                .filter(sample -> sample.getValue().stream().anyMatch(SCIENCE::contains)).map(Map.Entry::getKey).toList();
    }

    @Test
    void everySampleIsCheckedInTheBrowserOrForTheNoWheelMessage() throws Exception {
        assertThat(browserSamples()).contains("savings-planner.html");
        assertThat(scienceSamples()).contains("sine-wave.html", "csv-explorer.html", "rich-outputs.html", "monte-carlo-pi.html");
        assertThat(browserSamples().size() + scienceSamples().size()).isEqualTo(samplePackages().size());
    }

    @ParameterizedTest
    @MethodSource("browserSamples")
    void browserOutputsEqualTheKernelsInEveryMode(String sample) throws Exception {
        Path ran = tmp.resolve(sample.replace(".html", ".run.html"));
        PagebookCli.Result result = pagebook("run", SAMPLES.resolve(sample).toString(), "-o", ran.toString());
        assertThat(result.exit()).as(result.describe()).isZero();
        Notebook kernel = NotebookReader.read(ran);

        for (ExportMode mode : List.of(ExportMode.OFFLINE, ExportMode.SITE, ExportMode.LINKED)) {
            Path out = tmp.resolve(mode.name().toLowerCase(Locale.ROOT));
            ExportResult export = PyScriptExporter.export(ran, new ExportOptions(mode,
                    mode == ExportMode.SITE ? out : out.resolve(sample), assets));
            try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
                List<String> requested = new ArrayList<>();
                page.on("Network.requestWillBeSent", event -> requested.add(event.path("request").path("url").asText()));
                page.send("Network.enable", Map.of());
                switch (mode) {
                    case OFFLINE -> {
                        page.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                                "downloadThroughput", -1, "uploadThroughput", -1));
                        page.send("Page.navigate", Map.of("url", export.page().toUri().toString()));
                        checkPage(page, kernel, sample, mode);
                        assertThat(requested).as("offline: nothing leaves the page")
                                .allSatisfy(url -> assertThat(url).matches("^(file|blob|data):.*"));
                    }
                    case SITE -> {
                        try (LocalHttpServer server = new LocalHttpServer(out)) {
                            page.send("Page.navigate", Map.of("url", server.url("")));
                            checkPage(page, kernel, sample, mode);
                            assertThat(requested).allSatisfy(url -> assertThat(url).matches("^(http://localhost:\\d+/|blob:|data:).*"));
                        }
                    }
                    default -> {
                        try (LocalHttpServer server = new LocalHttpServer(out)) {
                            CdnEmulator cdn = new CdnEmulator(page, assets);
                            page.send("Page.navigate", Map.of("url", server.url(sample)));
                            checkPage(page, kernel, sample, mode);
                            assertThat(cdn.bytesServed()).as("the runtime came from the pinned CDN URLs").isGreaterThan(1_000_000);
                            assertThat(requested).anySatisfy(url -> assertThat(url).startsWith(assets.versions().pyodideCdnBase()));
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scienceSamples")
    void numpySamplesNeedTheCdnAndSaySo(String sample) throws Exception {
        Path source = SAMPLES.resolve(sample);
        Set<String> science = new LinkedHashSet<>(samplePackages().get(sample));
        science.retainAll(SCIENCE);
        for (ExportMode mode : List.of(ExportMode.OFFLINE, ExportMode.SITE)) {
            Path out = tmp.resolve(mode.name().toLowerCase(Locale.ROOT) + "-" + sample);
            assertThatThrownBy(() -> PyScriptExporter.export(source, new ExportOptions(mode, out, assets)))
                    .isInstanceOf(ExportException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .startsWith("no browser wheel for ")
                            .contains("numpy", "pyemscripten", "--mode linked", assets.packagesDir().toString())
                            .doesNotContain("\n"));
            assertThat(out).doesNotExist();
        }

        ExportResult linked = PyScriptExporter.export(source,
                new ExportOptions(ExportMode.LINKED, tmp.resolve("linked-" + sample), assets));
        String html = Files.readString(linked.page());
        assertThat(html).contains(assets.versions().coreUrl(), assets.versions().pyodideCdnBase() + "pyodide.mjs")
                .doesNotContain("pyscript.net/releases", "@pyscript/core@latest");
        JsonNode manifest = JSON.readTree(Jsoup.parse(html).getElementById("pagebook-export").data());
        assertThat(manifest.path("core").asText()).isEqualTo(assets.versions().coreUrl());
        assertThat(manifest.path("interpreter").asText()).isEqualTo(assets.versions().pyodideCdnBase() + "pyodide.mjs");
        List<String> packages = new ArrayList<>();
        manifest.path("config").path("packages").forEach(p -> packages.add(p.asText()));
        assertThat(packages).as("PyScript installs them from Pyodide's CDN when the page opens").containsAll(science);
        assertThat(linked.packages()).containsAll(science);
    }

    /** Saved outputs first, then live ones equal to the kernel's; handlers of the interactive sample work. */
    private static void checkPage(CdpSession page, Notebook kernel, String sample, ExportMode mode) throws Exception {
        org.jsoup.nodes.Document original = Jsoup.parse(SAMPLES.resolve(sample).toFile());
        List<String> cellIds = kernel.pythonCells().stream().map(PythonCell::id).toList();
        String ids = JSON.writeValueAsString(cellIds);
        page.waitFor("document.readyState !== 'loading' && document.getElementById('pagebook-export')", Duration.ofSeconds(60));
        JsonNode saved = page.evaluate(shown(ids));
        page.waitFor("document.documentElement.dataset.pagebook", LIVE_TIMEOUT);
        assertThat(page.evaluate("document.documentElement.dataset.pagebook").asText())
                .as("%s %s: page status: %s", sample, mode, page.evaluate("document.getElementById('pagebook-status')?.textContent"))
                .isEqualTo("live");
        JsonNode live = page.evaluate(shown(ids));

        Map<String, String> kernelWrites = new LinkedHashMap<>();
        for (int i = 0; i < cellIds.size(); i++) {
            PythonCell cell = kernel.pythonCells().get(i);
            JsonNode browser = live.path("cells").get(i);
            String where = sample + " " + mode + " cell " + cell.id();
            assertThat(browserOutputs(browser.path("data"))).as(where + ": outputs").isEqualTo(kernelOutputs(cell.outputs()));
            assertThat(browser.path("shown")).as(where + ": shown before and after Python ran").isEqualTo(saved.path("cells").get(i).path("shown"));
            Map<String, String> cellWrites = new LinkedHashMap<>();
            cell.outputs().forEach(output -> {
                if (output instanceof Output.DisplayData d && pageTarget(d.metadata()) != null) {
                    cellWrites.put(pageTarget(d.metadata()), d.data().get("text/html"));
                }
            });
            kernelWrites.putAll(cellWrites);
            // The browser records the elements a cell changed; the kernel also those set to what they held.
            Set<String> recorded = new LinkedHashSet<>();
            for (JsonNode output : browser.path("data")) {
                String target = output.path("metadata").path("pagebook").path("target").asText(null);
                if (target != null) {
                    recorded.add(target);
                    assertThat(cellWrites).as(where + ": the kernel also wrote #" + target).containsKey(target);
                    assertThat(output.path("data").path("text/html").asText()).as(where + ": what it wrote into #" + target)
                            .isEqualTo(normalized(page, cellWrites.get(target)));
                }
            }
            for (Map.Entry<String, String> write : cellWrites.entrySet()) {
                org.jsoup.nodes.Element before = original.getElementById(write.getKey());
                if (before == null || !normalized(page, before.html()).equals(normalized(page, write.getValue()))) {
                    assertThat(recorded).as(where + ": a change of #" + write.getKey() + " recorded live").contains(write.getKey());
                }
            }
        }
        for (Map.Entry<String, String> write : kernelWrites.entrySet()) {
            String id = JSON.writeValueAsString(write.getKey());
            String expected = normalized(page, write.getValue());
            assertThat(page.evaluate("document.getElementById(" + id + ").innerHTML").asText())
                    .as(sample + " " + mode + ": #" + write.getKey() + " as the kernel left it").isEqualTo(expected);
            assertThat(saved.path("writes").path(write.getKey()).asText())
                    .as(sample + " " + mode + ": #" + write.getKey() + " shown from the saved run before Python started")
                    .isEqualTo(expected);
        }
        if (sample.equals("savings-planner.html")) {
            checkPlannerButtons(page);
        }
    }

    /** HTML as the browser serialises it (the kernel's HTML is jsoup's). */
    private static String normalized(CdpSession page, String html) throws IOException {
        return page.evaluate("(() => { const t = document.createElement('template'); t.innerHTML = "
                + JSON.writeValueAsString(html) + "; return t.innerHTML; })()").asText();
    }

    /** Per cell: the output data and what its output element shows; plus every element's HTML by id. */
    private static String shown(String ids) {
        return "(() => ({ cells: " + ids + ".map(id => {"
                + " const target = document.getElementById(id + '-output');"
                + " const data = target && target.querySelector('script.pagebook-output-data');"
                + " return { data: data ? JSON.parse(data.textContent) : [],"
                + "   shown: target ? [...target.children].filter(o => o.tagName !== 'SCRIPT')"
                + "     .map(o => ({ tag: o.tagName, text: o.textContent, image: o.tagName === 'IMG' ? o.naturalWidth > 0 : null })) : [] }; }),"
                + " writes: Object.fromEntries([...document.querySelectorAll('body [id]')].map(e => [e.id, e.innerHTML])) }))()";
    }

    private static String pageTarget(Map<String, Object> metadata) {
        return metadata.get("pagebook") instanceof Map<?, ?> pagebook && pagebook.get("target") instanceof String id ? id : null;
    }

    /** The kernel's outputs as comparable text: streams and text/plain exactly, images as present. */
    private static List<String> kernelOutputs(List<Output> outputs) {
        List<String> texts = new ArrayList<>();
        for (Output output : outputs) {
            switch (output) {
                case Output.Stream s -> texts.add("stream " + s.name() + ": " + s.text());
                case Output.Error e -> texts.add("error " + e.ename() + ": " + e.evalue());
                case Output.DisplayData d -> {
                    if (pageTarget(d.metadata()) == null) {
                        texts.add(bundle("display_data", d.data().keySet(), d.data().get("text/plain")));
                    }
                }
                case Output.ExecuteResult r -> texts.add(bundle("execute_result", r.data().keySet(), r.data().get("text/plain")));
            }
        }
        return texts;
    }

    private static List<String> browserOutputs(JsonNode outputs) {
        List<String> texts = new ArrayList<>();
        for (JsonNode output : outputs) {
            switch (output.path("output_type").asText()) {
                case "stream" -> texts.add("stream " + output.path("name").asText() + ": " + output.path("text").asText());
                case "error" -> texts.add("error " + output.path("ename").asText() + ": " + output.path("evalue").asText());
                default -> {
                    if (output.path("metadata").path("pagebook").path("target").isMissingNode()) {
                        Set<String> types = new LinkedHashSet<>();
                        output.path("data").fieldNames().forEachRemaining(types::add);
                        texts.add(bundle(output.path("output_type").asText(), types, output.path("data").path("text/plain").asText(null)));
                    }
                }
            }
        }
        return texts;
    }

    private static String bundle(String kind, Set<String> types, String plain) {
        List<String> images = types.stream().filter(t -> t.startsWith("image/")).sorted().toList();
        return kind + ": " + plain + (images.isEmpty() ? "" : " " + images);
    }

    /** The interactive sample: Plan with new inputs rewrites the figures, Reset restores the defaults. */
    private static void checkPlannerButtons(CdpSession page) throws InterruptedException {
        assertThat(page.evaluate("document.getElementById('total').textContent").asText()).isEqualTo(money(balance(200, 5, 10)));
        page.evaluate("document.getElementById('deposit').value = '350'; document.getElementById('years').value = '3';"
                + " document.getElementById('plan').click()");
        page.waitFor("document.getElementById('total').textContent === '" + money(balance(350, 5, 3)) + "'", Duration.ofSeconds(10));
        assertThat(page.evaluate("document.getElementById('paid-in').textContent").asText()).isEqualTo("12,600.00");
        assertThat(page.evaluate("document.querySelectorAll('#schedule tbody tr').length").asInt()).isEqualTo(3);

        page.evaluate("document.getElementById('rate').value = '99'; document.getElementById('plan').click()");
        page.waitFor("document.getElementById('message').textContent === 'Check: rate'", Duration.ofSeconds(10));
        assertThat(page.evaluate("document.getElementById('rate').classList.contains('invalid')").asBoolean()).isTrue();

        page.evaluate("document.getElementById('reset').click()");
        page.waitFor("document.getElementById('total').textContent === '" + money(balance(200, 5, 10)) + "'", Duration.ofSeconds(10));
        assertThat(page.evaluate("document.getElementById('message').textContent").asText()).isEmpty();
        assertThat(page.evaluate("document.querySelectorAll('#schedule tbody tr').length").asInt()).isEqualTo(10);
    }

    /** Monthly deposits at each month's end, interest compounded monthly (as the sample says). */
    private static double balance(double deposit, double ratePercent, int years) {
        double balance = 0;
        for (int month = 0; month < years * 12; month++) {
            balance = balance * (1 + ratePercent / 100 / 12) + deposit;
        }
        return balance;
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

}
