package dev.pagebook.format.pyscript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagebook.format.pyscript.browser.CdnEmulator;
import dev.pagebook.format.pyscript.browser.CdpSession;
import dev.pagebook.format.pyscript.browser.HeadlessChromium;
import dev.pagebook.format.pyscript.browser.LocalHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        Files.writeString(dir.resolve("warm.html"), "<!DOCTYPE html><title>warm-up</title><p>warm-up");

        // Each page is opened in a browser that has just shown another page from the same place
        // (a reader's browser is running already): Chromium's and the server's own start-up are
        // not counted. Times are from the navigation's start; "first byte" is when the page's
        // first byte arrived.
        // "cold": the same page as the first navigation of a just-started Chromium (its own start-up
        // and the server's first request included), for comparison with earlier measurements.
        System.out.printf("%-38s %12s %12s %12s %12s%n", "page (same notebook, stdlib only)", "outputs ms", "first byte",
                "live ms", "cold outputs");
        // Browser timings vary by tens of percent from run to run on this 2-core machine, so the
        // three pages take turns, several rounds, and the medians are compared.
        int rounds = Integer.getInteger("bench.rounds", 5);
        String[] names = {"Pagebook offline (file://, no net)", "Pagebook linked (localhost + CDN)", "plain PyScript (localhost + CDN)"};
        List<List<Timing>> timings = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (LocalHttpServer server = new LocalHttpServer(dir)) {
            String warmFile = dir.resolve("warm.html").toUri().toString();
            for (int round = 0; round < rounds; round++) {
                timings.get(0).add(measure(offline.page().toUri().toString(), warmFile, false, assets, true));
                timings.get(1).add(measure(server.url("linked.html"), server.url("warm.html"), true, assets, true));
                timings.get(2).add(measure(server.url("plain.html"), server.url("warm.html"), true, assets, false));
                for (int i = 0; i < names.length; i++) {
                    print(names[i] + " #" + (round + 1), timings.get(i).get(round));
                }
            }
        }
        System.out.printf("medians of %d rounds:%n", rounds);
        for (int i = 0; i < names.length; i++) {
            print(names[i], median(timings.get(i)));
        }
        double plainLive = median(timings.get(2)).live();
        System.out.printf("live Python vs plain PyScript (median): offline %.2fx, linked %.2fx the plain page's time (<= 1.00 is no slower)%n",
                median(timings.get(0)).live() / plainLive, median(timings.get(1)).live() / plainLive);
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

    private record Timing(double outputs, double firstByte, double live, double cold) { }

    private static Timing median(List<Timing> runs) {
        return new Timing(median(runs, Timing::outputs), median(runs, Timing::firstByte), median(runs, Timing::live),
                median(runs, Timing::cold));
    }

    private static double median(List<Timing> runs, java.util.function.ToDoubleFunction<Timing> field) {
        double[] values = runs.stream().mapToDouble(field).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static void print(String name, Timing timing) {
        System.out.printf("%-38s %12.0f %12.0f %12.0f %12.0f%n", name, timing.outputs, timing.firstByte, timing.live, timing.cold);
    }

    private static double cold(String url, boolean cdn, RuntimeAssets assets, boolean pagebook) throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            if (cdn) {
                new CdnEmulator(page, assets);
            } else {
                page.send("Network.enable", Map.of());
                page.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                        "downloadThroughput", -1, "uploadThroughput", -1));
            }
            page.send("Page.navigate", Map.of("url", url));
            if (!pagebook) {
                page.waitFor("window.plainFirstOutput", Duration.ofSeconds(180));
                return page.evaluate("window.plainFirstOutput").asDouble();
            }
            page.waitFor(FIRST_PAINT, Duration.ofSeconds(30));
            return page.evaluate(FIRST_PAINT).asDouble();
        }
    }

    private static Timing measure(String url, String warmUp, boolean cdn, RuntimeAssets assets, boolean pagebook) throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(true); CdpSession page = chromium.page()) {
            if (cdn) {
                new CdnEmulator(page, assets);
            } else {
                page.send("Network.enable", Map.of());
                page.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                        "downloadThroughput", -1, "uploadThroughput", -1));
            }
            page.send("Page.navigate", Map.of("url", warmUp));
            page.waitFor("location.href.endsWith('warm.html') && document.readyState === 'complete'", Duration.ofSeconds(30));
            page.send("Page.navigate", Map.of("url", url));
            page.waitFor("!location.href.endsWith('warm.html')", Duration.ofSeconds(30));
            String live = pagebook ? "document.documentElement.dataset.pagebook === 'live' && pagebook.timings.live"
                    : "window.plainDone";
            page.waitFor(live, Duration.ofSeconds(180));
            page.waitFor(FIRST_PAINT, Duration.ofSeconds(10));
            JsonNode outputs = page.evaluate(pagebook ? FIRST_PAINT : "window.plainFirstOutput");
            if (System.getProperty("bench.detail") != null) {
                System.out.println(url + " " + page.evaluate("JSON.stringify((({fetchStart, connectStart, connectEnd, requestStart,"
                        + " responseStart, responseEnd, domInteractive, domContentLoadedEventStart}) => ({fetchStart, connectStart,"
                        + " connectEnd, requestStart, responseStart, responseEnd, domInteractive, domContentLoadedEventStart}))"
                        + "(performance.getEntriesByType('navigation')[0]))").asText());
            }
            double firstByte = page.evaluate("performance.getEntriesByType('navigation')[0].responseStart").asDouble();
            return new Timing(outputs.asDouble(), firstByte, page.evaluate(live).asDouble(), cold(url, cdn, assets, pagebook));
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
