package dev.pagebook.samples;

import static dev.pagebook.samples.PagebookCli.SAMPLES;
import static dev.pagebook.samples.PagebookCli.pagebook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.ScienceVenv;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every sample headless through {@code bin/pagebook run} and checks what it computed against
 * figures worked out here, independently of Python.
 */
class SamplesRunTest {

    private static final int SINE_BLUE = 0x2F6FDE;
    private static final double HALF_A_THOUSANDTH = 0.0005 + 1e-9;

    @TempDir
    Path tmp;

    private SavedPage run(String sample, int expectedExit) throws Exception {
        Path source = SAMPLES.resolve(sample);
        byte[] before = Files.readAllBytes(source);
        Path out = tmp.resolve(sample.replace(".html", ".out.html"));
        PagebookCli.Result result = pagebook("run", source.toString(), "-o", out.toString());
        assertThat(result.exit()).as(result.describe()).isEqualTo(expectedExit);
        assertThat(Files.readAllBytes(source)).as("the sample itself is never modified").isEqualTo(before);
        return SavedPage.read(out);
    }

    /** Samples that import numpy/matplotlib run only where kernel/science/build-venv.sh has built them. */
    private static void requireScienceVenv() {
        assumeTrue(ScienceVenv.find().isPresent(), "the numpy/matplotlib science venv is not built on this machine");
    }

    @Test
    void sineWaveComputesThePeakAndDrawsTheCurve() throws Exception {
        requireScienceVenv();
        SavedPage page = run("sine-wave.html", 0);

        assertThat(page.stream("imports", "stdout")).matches("numpy \\d+\\.\\d+\\S*, matplotlib \\d+\\.\\d+\\S*\\n");
        int peak = 0;
        for (int i = 1; i < 200; i++) {
            if (Math.sin(i * 2 * Math.PI / 199) > Math.sin(peak * 2 * Math.PI / 199)) {
                peak = i;
            }
        }
        double peakX = peak * 2 * Math.PI / 199;
        assertThat(page.stream("sample", "stdout")).isEqualTo(String.format(Locale.ROOT,
                "200 samples, peak %.4f at x = %.4f (pi/2 = %.4f)%n", Math.sin(peakX), peakX, Math.PI / 2));

        assertDrawnInBlue(page.target("plot"));
    }

    /**
     * A figure shown with {@code display(fig, target=...)}: PyScript inserts it as a PNG image; the
     * kernel may insert matplotlib's SVG instead. Either way the blue sine line must be in it.
     */
    private static void assertDrawnInBlue(Element target) {
        List<BufferedImage> pngs = SavedPage.pngsIn(target);
        if (pngs.isEmpty()) {
            Element svg = target.selectFirst("svg");
            assertThat(svg).as("a PNG image or an SVG drawing in " + target.html().substring(0, Math.min(200, target.html().length())))
                    .isNotNull();
            assertThat(svg.outerHtml()).containsIgnoringCase("#2f6fde");
            return;
        }
        assertThat(pngs).hasSize(1);
        BufferedImage plot = pngs.get(0);
        assertThat(plot.getWidth()).isBetween(600, 800);
        assertThat(plot.getHeight()).isBetween(300, 400);
        assertThat(SavedPage.pixelsNear(plot, SINE_BLUE, 40)).as("pixels of the blue sine line").isGreaterThan(1000);
    }

    @Test
    void theSineWaveFrom2022ImportsToTodaysSyntaxAndDrawsTheSameCurve() throws Exception {
        requireScienceVenv();
        Path migrated = tmp.resolve("sine-wave-2022.migrated.html");
        PagebookCli.Result imported = pagebook("import", SAMPLES.resolve("sine-wave-2022.html").toString(), "-o", migrated.toString());
        assertThat(imported.exit()).as(imported.describe()).isZero();
        String page = Files.readString(migrated);
        assertThat(page).doesNotContain("<py-script", "<py-env", "pyscript.net/alpha");
        assertThat(Jsoup.parse(page).select("script[type=py]")).hasSize(1);
        assertThat(imported.stdout() + imported.stderr()).as("the migration report").containsIgnoringCase("py-env");

        Path out = tmp.resolve("sine-wave-2022.out.html");
        PagebookCli.Result run = pagebook("run", migrated.toString(), "-o", out.toString());
        assertThat(run.exit()).as(run.describe()).isZero();
        // The migrated cell keeps target="plot" (PyScript draws there) and shows the figure with
        // display(fig), which Pagebook saves as the cell's own image/png output.
        SavedPage saved = SavedPage.read(out);
        String cell = saved.notebook.pythonCells().get(0).id();
        List<BufferedImage> plots = saved.bundles(cell).stream().filter(b -> b.containsKey("image/png"))
                .map(b -> SavedPage.decodePng(b.get("image/png"))).toList();
        assertThat(plots).isNotEmpty();
        assertThat(SavedPage.pixelsNear(plots.get(0), SINE_BLUE, 40)).isGreaterThan(1000);
    }

    @Test
    void csvExplorerSummarisesTheDemoDataAsNumpyWould() throws Exception {
        requireScienceVenv();
        SavedPage page = run("csv-explorer.html", 0);
        Map<String, double[]> columns = numericColumns(
                Jsoup.parse(SAMPLES.resolve("csv-explorer.html").toFile()).getElementById("demo-csv").wholeText());
        assertThat(columns).containsOnlyKeys("kwh_day", "kwh_night", "outdoor_temp_c");

        Element table = page.target("summary").selectFirst("table.pb-summary");
        assertThat(table).isNotNull();
        assertThat(table.select("tbody tr")).hasSize(3);
        for (Map.Entry<String, double[]> column : columns.entrySet()) {
            double[] v = column.getValue();
            Element row = table.selectFirst("tr[data-column=" + column.getKey() + "]");
            assertThat(row).as(column.getKey()).isNotNull();
            assertThat(row.selectFirst("td[data-stat=count]").text()).isEqualTo(Integer.toString(v.length));
            // Shown to 3 decimals; a sum in another order may round a tie like 6.4125 either way.
            assertThat(Double.parseDouble(stat(row, "mean"))).isCloseTo(mean(v), within(HALF_A_THOUSANDTH));
            assertThat(Double.parseDouble(stat(row, "std"))).isCloseTo(std(v), within(HALF_A_THOUSANDTH));
            assertThat(Double.parseDouble(stat(row, "median"))).isCloseTo(median(v), within(HALF_A_THOUSANDTH));
            assertThat(stat(row, "min")).isEqualTo(fixed3(Arrays.stream(v).min().orElseThrow()));
            assertThat(stat(row, "max")).isEqualTo(fixed3(Arrays.stream(v).max().orElseThrow()));
        }
        // The pair of columns that move together most (largest |r|): night use against temperature.
        double rDay = pearson(columns.get("kwh_day"), columns.get("outdoor_temp_c"));
        double rNight = pearson(columns.get("kwh_night"), columns.get("outdoor_temp_c"));
        double rDayNight = pearson(columns.get("kwh_day"), columns.get("kwh_night"));
        double strongest = Math.abs(rDay) >= Math.abs(rNight) && Math.abs(rDay) >= Math.abs(rDayNight) ? rDay
                : Math.abs(rNight) >= Math.abs(rDayNight) ? rNight : rDayNight;
        Element finding = page.target("finding");
        assertThat(finding.text()).contains("28 rows, 3 numeric columns");
        assertThat(Double.parseDouble(finding.getElementById("correlation").text())).isCloseTo(strongest, within(HALF_A_THOUSANDTH));

        Element chart = page.target("chart");
        List<BufferedImage> charts = SavedPage.pngsIn(chart);
        if (charts.isEmpty()) {
            assertThat(chart.select("svg")).as("the chart, as PNG or SVG").hasSize(1);
        } else {
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getHeight()).as("three stacked panels").isGreaterThan(charts.get(0).getWidth() / 2);
        }
        assertThat(page.stream("analysis", "stdout") + page.stream("wiring", "stdout"))
                .contains("analysed the demo data: 28 rows, numeric columns: kwh_day, kwh_night, outdoor_temp_c");
    }

    @Test
    void savingsPlannerWritesTheBalanceIntoThePage() throws Exception {
        SavedPage page = run("savings-planner.html", 0);
        double monthly = 0.05 / 12;
        double total = 200 * (Math.pow(1 + monthly, 120) - 1) / monthly;

        assertThat(page.target("total").text()).isEqualTo(String.format(Locale.ROOT, "%,.2f", total));
        assertThat(page.target("paid-in").text()).isEqualTo("24,000.00");
        assertThat(page.target("interest").text()).isEqualTo(String.format(Locale.ROOT, "%,.2f", total - 24_000));
        assertThat(page.target("schedule").select("tbody tr")).hasSize(10);
        assertThat(page.stream("planner", "stdout")).startsWith("planned with the default inputs");
    }

    @Test
    void richOutputsTourShowsEveryKindOfOutputAndEndsWithTheError() throws Exception {
        requireScienceVenv();
        // The last cell raises on purpose: run saves everything and reports the failure with exit 1.
        SavedPage page = run("rich-outputs.html", 1);

        Map<String, String> table = page.bundles("html-table").get(0);
        assertThat(table.get("text/plain")).startsWith("Mercury");
        assertThat(Jsoup.parseBodyFragment(table.get("text/html")).select("table.planets tbody tr")).hasSize(8);

        String svg = page.bundles("svg-orbits").get(0).get("image/svg+xml");
        assertThat(svg).startsWith("<svg");
        assertThat(Jsoup.parse(svg, "", org.jsoup.parser.Parser.xmlParser()).select("title")).hasSize(8);

        BufferedImage mandelbrot = SavedPage.decodePng(page.bundles("png-mandelbrot").get(0).get("image/png"));
        assertThat(mandelbrot.getWidth()).isEqualTo(480);
        assertThat(mandelbrot.getHeight()).isEqualTo(300);
        Matcher bounded = Pattern.compile("(\\d+) of 144000 points stay bounded after 60 steps")
                .matcher(page.stream("png-mandelbrot", "stdout"));
        assertThat(bounded.find()).isTrue();
        assertThat(Integer.parseInt(bounded.group(1))).isCloseTo(boundedMandelbrotPoints(480, 300, 60), within(200));
        assertThat(mandelbrot.getRGB(460, 10) & 0xFFFFFF).as("far outside the set").isNotEqualTo(0x10131A);

        List<Map<String, String>> shown = page.bundles("markdown-json");
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).get("text/markdown")).isEqualTo("**Jupiter** is the largest planet: *69,911 km* across the equator.");
        assertThat(shown.get(1).get("application/json")).contains("\"planet\"", "\"Jupiter\"", "69911");

        StringBuilder light = new StringBuilder();
        String[] inner = {"Mercury", "Venus", "Earth", "Mars"};
        double[] au = {0.387, 0.723, 1.000, 1.524};
        for (int i = 0; i < 4; i++) {
            light.append(String.format(Locale.ROOT, "sunlight reaches %-7s in %5.1f minutes%n", inner[i],
                    au[i] * 149_597_870.7 / 299_792.458 / 60));
        }
        assertThat(page.stream("streams", "stdout")).isEqualTo(light.toString());
        assertThat(page.stream("streams", "stderr")).isEqualTo("the outer planets are further than 40 light-minutes away\n");

        assertThat(page.bundles("figure").get(0)).containsKey("image/png");

        Output.Error error = page.outputs("error").stream().filter(Output.Error.class::isInstance)
                .map(Output.Error.class::cast).findFirst().orElseThrow();
        assertThat(error.ename()).isEqualTo("KeyError");
        assertThat(error.evalue()).contains("Pluto is not one of the eight planets");
        String traceback = String.join("\n", error.traceback());
        assertThat(traceback).contains("moons_of").doesNotContain("pagebook_kernel");
    }

    @Test
    void theImportedJupyterNotebookIsTheCommittedPageAndEstimatesPi() throws Exception {
        requireScienceVenv();
        Path imported = tmp.resolve("monte-carlo-pi.html");
        PagebookCli.Result result = pagebook("import", SAMPLES.resolve("monte-carlo-pi.ipynb").toString(), "-o", imported.toString());
        assertThat(result.exit()).as(result.describe()).isZero();
        assertThat(Files.readString(imported)).as("samples/monte-carlo-pi.html is what import makes of the .ipynb today")
                .isEqualTo(Files.readString(SAMPLES.resolve("monte-carlo-pi.html")));
        assertThat(Jsoup.parse(imported.toFile()).select("h1, h2")).extracting(Element::text)
                .contains("Estimating π by throwing darts", "Throwing the darts", "Further reading");

        SavedPage page = run("monte-carlo-pi.html", 0);
        String all = page.notebook.pythonCells().stream().map(c -> page.stream(c.id(), "stdout")).reduce("", String::concat);
        Matcher estimate = Pattern.compile("200,000 darts, ([\\d,]+) hits: pi is about (\\d\\.\\d{5})").matcher(all);
        assertThat(estimate.find()).as(all).isTrue();
        int hits = Integer.parseInt(estimate.group(1).replace(",", ""));
        double piHat = Double.parseDouble(estimate.group(2));
        assertThat(piHat).isEqualTo(Math.round(4.0 * hits / 200_000 * 1e5) / 1e5, within(1e-5));
        assertThat(piHat).isCloseTo(Math.PI, within(0.01));
        assertThat(all).containsPattern("after 200,000 darts: " + Pattern.quote(estimate.group(2)));
        long images = page.notebook.pythonCells().stream().flatMap(c -> page.bundles(c.id()).stream())
                .filter(b -> b.containsKey("image/png")).count();
        assertThat(images).isEqualTo(1);
    }

    private static String stat(Element row, String name) {
        return row.selectFirst("td[data-stat=" + name + "]").text();
    }

    private static String fixed3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static Map<String, double[]> numericColumns(String csv) {
        List<String> lines = csv.strip().lines().toList();
        String[] header = lines.get(0).split(",");
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            List<Double> values = new ArrayList<>();
            try {
                for (String line : lines.subList(1, lines.size())) {
                    values.add(Double.parseDouble(line.split(",")[c]));
                }
                columns.put(header[c], values.stream().mapToDouble(Double::doubleValue).toArray());
            } catch (NumberFormatException labels) {
                // the date column
            }
        }
        return columns;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    /** Population standard deviation, numpy's default (ddof=0). */
    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The sample's escape-time iteration, in plain Java doubles. */
    private static int boundedMandelbrotPoints(int width, int height, int steps) {
        int bounded = 0;
        for (int y = 0; y < height; y++) {
            double ci = -1.0 + 2.0 * y / (height - 1);
            for (int x = 0; x < width; x++) {
                double cr = -2.3 + 3.1 * x / (width - 1);
                double zr = 0;
                double zi = 0;
                boolean escaped = false;
                for (int step = 0; step < steps && !escaped; step++) {
                    double nr = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = nr;
                    escaped = Math.hypot(zr, zi) > 2;
                }
                if (!escaped) {
                    bounded++;
                }
            }
        }
        return bounded;
    }
}
