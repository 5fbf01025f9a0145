package dev.pagebook.format.pyscript;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Prints, for one run in the same headless Chromium: time to first visible output and to live
 * Python outputs for Pagebook's offline and linked exports and for a plain PyScript page with the
 * same code; bytes a site reload downloads; file sizes. There is no internet here, so the CDN
 * (for linked and plain pages) is answered from the local runtime cache through DevTools, and
 * pages are served from a localhost HTTP server.
 *
 * <p>Run: {@code bin/build -q -pl notebook-format test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.pagebook.format.pyscript.ExportBenchmark}
 */
public final class ExportBenchmark {

    private static final String FIRST_PAINT =
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime";

    public static void main(String[] args) throws Exception {
        RuntimeAssets assets = RuntimeAssets.fromDefaultCache();
        assets.requireRuntime();
        Path dir = Files.createTempDirectory("pagebook-bench");
        Path notebook = PyScriptExportBrowserTest.fixture(PyScriptExportBrowserTest.STDLIB_ONLY, dir);
        ExportResult offline = PyScriptExporter.export(notebook, new ExportOptions(ExportMode.OFFLINE, dir.resolve("offline.html"), assets));
        ExportResult linked = PyScriptExporter.export(notebook, new ExportOptions(ExportMode.LINKED, dir.resolve("linked.html"), assets));
        ExportResult site = PyScriptExporter.export(notebook, new ExportOptions(ExportMode.SITE, dir.resolve("site"), assets));
        Files.writeString(dir.resolve("plain.html"), plainPage(Files.readString(notebook), assets));

        System.out.printf("%-34s %12s %12s%n", "page (same notebook, stdlib only)", "outputs ms", "live ms");
        try (LocalHttpServer server = new LocalHttpServer(dir)) {
            print("Pagebook offline (file://, no net)", measure(offline.page().toUri().toString(), false, assets, true));
            print("Pagebook linked (localhost + CDN)", measure(server.url("linked.html"), true, assets, true));
            print("plain PyScript (localhost + CDN)", measure(server.url("plain.html"), true, assets, false));
        }
        try (LocalHttpServer server = new LocalHttpServer(site.page().getParent());
             HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            page.send("Page.navigate", Map.of("url", server.url("")));
            page.waitFor("document.documentElement.dataset.pagebook === 'live'", Duration.ofSeconds(120));
            page.waitFor("navigator.serviceWorker.controller", Duration.ofSeconds(30));
            long first = server.bodyBytes();
            server.resetCounters();
            page.send("Page.reload", Map.of());
            page.waitFor("document.documentElement.dataset.pagebook === 'live'", Duration.ofSeconds(120));
            Thread.sleep(500);
            System.out.printf("site: first visit %,d bytes, reload %,d bytes in %d requests (live %.0f ms)%n",
                    first, server.bodyBytes(), server.requests(), page.evaluate("pagebook.timings.live").asDouble());
        }
        System.out.printf("sizes: offline %,d B, linked %,d B, site %,d B in %d files, notebook %,d B%n",
                offline.bytes(), linked.bytes(), site.bytes(), site.files().size(), Files.size(notebook));
    }

    private record Timing(double outputs, double live) { }

    private static void print(String name, Timing timing) {
        System.out.printf("%-34s %12.0f %12.0f%n", name, timing.outputs, timing.live);
    }

    private static Timing measure(String url, boolean cdn, RuntimeAssets assets, boolean pagebook) throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            if (cdn) {
                new CdnEmulator(page, assets);
            } else {
                page.send("Network.enable", Map.of());
                page.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                        "downloadThroughput", -1, "uploadThroughput", -1));
            }
            page.send("Page.navigate", Map.of("url", url));
            String live = pagebook ? "document.documentElement.dataset.pagebook === 'live' && pagebook.timings.live"
                    : "window.plainDone";
            page.waitFor(live, Duration.ofSeconds(180));
            page.waitFor(FIRST_PAINT, Duration.ofSeconds(10));
            JsonNode outputs = page.evaluate(pagebook ? FIRST_PAINT : "window.plainFirstOutput");
            return new Timing(outputs.asDouble(), page.evaluate(live).asDouble());
        }
    }

    /** The notebook as a PyScript user would write it: cells print into the page, no saved outputs. */
    private static String plainPage(String notebook, RuntimeAssets assets) {
        String pinned = notebook
                .replaceAll("<script type=\"module\" src=\"[^\"]*core.js\"></script>",
                        "<script type=\"module\" src=\"" + assets.versions().coreUrl() + "\"></script>\n"
                                + "<py-config>interpreter = \"" + assets.versions().pyodideCdnBase() + "pyodide.mjs\"</py-config>")
                .replaceAll("<link rel=\"stylesheet\" href=\"[^\"]*core.css\">",
                        "<link rel=\"stylesheet\" href=\"" + assets.versions().coreCssUrl() + "\">")
                .replaceAll("(?s)<div id=\"(c\\d-out)\" class=\"pagebook-output\">.*?</div>\n", "<div id=\"$1\"></div>\n");
        String marker = "<script type=\"py\">\nimport js\njs.window.plainFirstOutput = js.performance.now()\n</script>\n";
        return pinned.replaceFirst("<script type=\"py\" id=\"c1\"", marker + "<script type=\"py\" id=\"c1\"")
                .replace("</body>", "<script type=\"py\">\nimport js\njs.window.plainDone = js.performance.now()\n</script>\n</body>");
    }
}
