package dev.pagebook.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.KernelOptions;
import dev.pagebook.kernel.host.HostCommand;
import dev.pagebook.kernel.host.HostedKernel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real .deb and .rpm with build-installer.sh (one app image, two packages), inspects
 * them with dpkg-deb and rpm, unpacks the .deb into a scratch root and starts the installed
 * launcher headless. Prints the packages' sizes and the build time, and writes them to
 * target/installer-report.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinuxPackagesIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path DIST = ROOT.resolve("installer/target/dist");
    /**
     * Packages carry the numpy/matplotlib venv whenever this machine has built it (CI's set-up
     * does), and then the installed app must import numpy and draw with matplotlib from it.
     * {@code -Dpagebook.installer.science=true|false} forces either way.
     */
    private static final boolean WITH_SCIENCE = withScience();

    private static boolean withScience() {
        String forced = System.getProperty("pagebook.installer.science", "auto");
        if (!forced.equals("auto") && !forced.isBlank()) {
            return Boolean.parseBoolean(forced);
        }
        try {
            Process print = new ProcessBuilder(ROOT.resolve("kernel/science/build-venv.sh").toString(), "--print-path")
                    .redirectErrorStream(true).start();
            print.getInputStream().readAllBytes();
            return print.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @TempDir
    static Path scratch;

    private Path deb;
    private Path rpm;
    private Path installed;

    @BeforeAll
    void buildAndUnpack() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), ".deb packages are built on Linux");
        long start = System.nanoTime();
        ProcessRun build = ProcessRun.of(Duration.ofMinutes(15), Map.of("PAGEBOOK_NO_BUILD", "1"),
                ROOT.resolve("installer/build-installer.sh").toString(), "--type", "deb", "--type", "rpm",
                WITH_SCIENCE ? "--with-science" : "--without-science");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(build.exit()).as(build.output()).isZero();

        deb = packageIn(DIST, "pagebook_.*_amd64\\.deb");
        rpm = packageIn(DIST, "pagebook-.*\\.x86_64\\.rpm");
        installed = scratch.resolve("root");
        assertThat(ProcessRun.of(Duration.ofMinutes(5), Map.of(), "dpkg-deb", "-x", deb.toString(), installed.toString()).exit()).isZero();

        String report = String.format(Locale.ROOT,
                "%s: %.1f MB, %s: %.1f MB, built in %d s (jlink, app image, both packages); installed size %d MB%n",
                deb.getFileName(), Files.size(deb) / 1e6, rpm.getFileName(), Files.size(rpm) / 1e6, took.toSeconds(),
                sizeMb(installed));
        Files.writeString(ROOT.resolve("installer/target/installer-report.txt"), report + build.output());
        System.out.print("installer: " + report);
    }

    @Test
    void controlFieldsNameThePackageAndItsDesktopDependency() throws Exception {
        String info = ProcessRun.of(Duration.ofMinutes(1), Map.of(), "dpkg-deb", "-I", deb.toString()).output();
        assertThat(info).contains("Package: pagebook", "Section: devel").containsPattern("Depends: .*xdg-utils");
        assertThat(info).containsPattern("Version: \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void thePackageHoldsLauncherRuntimeAppIconAndDesktopEntry() throws Exception {
        String listing = ProcessRun.of(Duration.ofMinutes(1), Map.of(), "dpkg-deb", "-c", deb.toString()).output();
        assertThat(listing).contains("./opt/pagebook/bin/Pagebook", "./opt/pagebook/lib/app/pagebook-app.jar",
                "./opt/pagebook/lib/runtime/lib/server/libjvm.so", "./opt/pagebook/lib/Pagebook.png",
                "./opt/pagebook/lib/pagebook-Pagebook.desktop");
        // Next to JavaFX's jars, so JavaFX does not unpack and checksum them at every start.
        assertThat(listing).as("JavaFX's native libraries in the jars' folder")
                .contains("./opt/pagebook/lib/app/libjfxwebkit.so", "./opt/pagebook/lib/app/libglassgtk3.so");
        assertThat(listing).as("no MIME definition that would rename or claim every .html file").doesNotContain("MimeInfo.xml");
    }

    @Test
    void theDesktopEntryOffersOpenWithForHtmlWithoutBecomingTheDefault() throws Exception {
        Map<String, String> entry = desktopEntry(installed.resolve("opt/pagebook/lib/pagebook-Pagebook.desktop"));
        assertThat(entry).containsEntry("Name", "Pagebook").containsEntry("Type", "Application")
                .containsEntry("Exec", "/opt/pagebook/bin/Pagebook %F");
        assertThat(entry.get("MimeType").split(";")).contains("text/html");
        assertThat(installed.resolve(entry.get("Icon").substring(1))).isRegularFile();

        Path control = scratch.resolve("control");
        ProcessRun.of(Duration.ofMinutes(1), Map.of(), "dpkg-deb", "-e", deb.toString(), control.toString());
        String postinst = Files.readString(control.resolve("postinst"));
        assertThat(postinst).contains("xdg-desktop-menu install /opt/pagebook/lib/pagebook-Pagebook.desktop")
                .contains("ln -sf /opt/pagebook/bin/Pagebook /usr/bin/pagebook")
                .doesNotContain("xdg-mime default").doesNotContain("xdg-mime install");
        String prerm = Files.readString(control.resolve("prerm"));
        assertThat(prerm).contains("xdg-desktop-menu uninstall").doesNotContain("/home").doesNotContain("$HOME");
    }

    @Test
    void theInstalledLauncherStartsWithTheDevelopmentLaunchersJvmFlags() throws Exception {
        String cfg = Files.readString(installed.resolve("opt/pagebook/lib/app/Pagebook.cfg"));
        for (String option : Files.readAllLines(ROOT.resolve("installer/target/jpackage/launcher/java-options.txt"))) {
            assertThat(cfg).contains("java-options=" + option);
        }
    }

    @Test
    void theInstallScriptsTrainAStartUpCacheWhereTheAppLiesAndTheLauncherUsesIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Path control = scratch.resolve("control-aot");
        ProcessRun.of(Duration.ofMinutes(1), Map.of(), "dpkg-deb", "-e", deb.toString(), control.toString());
        assertThat(Files.readString(control.resolve("postinst"))).contains("/opt/pagebook/lib/app/train-startup.sh || true");
        assertThat(Files.readString(control.resolve("prerm"))).contains("/opt/pagebook/lib/app/train-startup.sh --remove");
        assertThat(ProcessRun.of(Duration.ofMinutes(1), Map.of(), "rpm", "-qp", "--scripts", rpm.toString()).output())
                .contains("/opt/pagebook/lib/app/train-startup.sh || true", "/opt/pagebook/lib/app/train-startup.sh --remove");

        // What the postinst does, in the unpacked root: a cache is only accepted where it was made.
        Path app = installed.resolve("opt/pagebook/lib/app");
        Path cfg = app.resolve("Pagebook.cfg");
        ProcessRun train = ProcessRun.of(Duration.ofMinutes(5), Map.of(), app.resolve("train-startup.sh").toString());
        assertThat(train.exit()).as(train.output()).isZero();
        assertThat(app.resolve("pagebook.aot")).isRegularFile();
        assertThat(Files.readString(cfg)).contains("java-options=-XX:AOTCache=$APPDIR/pagebook.aot");

        Path notebook = Files.writeString(scratch.resolve("aot.html"), "<!doctype html>\n<script type=\"py\">\nprint(6 * 7)\n</script>\n");
        Path out = scratch.resolve("aot.out.html");
        // jpackage's launcher ignores JDK_JAVA_OPTIONS; the JVM itself reads JAVA_TOOL_OPTIONS.
        ProcessRun run = ProcessRun.of(Duration.ofMinutes(5), Map.of("DISPLAY", "", "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"),
                launcher(), "run", notebook.toString(), "-o", out.toString());
        assertThat(run.exit()).as(run.output().lines().filter(l -> !l.contains("class,load")).toList().toString()).isZero();
        assertThat(run.output()).contains("com.oracle.graal.python.PythonLanguage source: shared objects file");
        assertThat(Files.readString(out)).contains("42");

        ProcessRun remove = ProcessRun.of(Duration.ofMinutes(1), Map.of(), app.resolve("train-startup.sh").toString(), "--remove");
        assertThat(remove.exit()).as(remove.output()).isZero();
        assertThat(app.resolve("pagebook.aot")).doesNotExist();
        assertThat(Files.readString(cfg)).doesNotContain("AOTCache");
    }

    @Test
    void theInstalledLauncherPrintsItsVersionWithoutADisplay() throws Exception {
        ProcessRun version = ProcessRun.of(Duration.ofMinutes(2), Map.of("DISPLAY", ""), launcher(), "--version");
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).containsPattern("Pagebook \\d+\\.\\d+").contains("GraalPy 25.").contains("Python JIT: GraalVM CE");
    }

    @Test
    void theInstalledLauncherRunsASampleHeadless() throws Exception {
        Path notebook = Files.copy(ROOT.resolve("samples/savings-planner.html"), scratch.resolve("savings-planner.html"));
        Path out = scratch.resolve("savings-planner.out.html");
        ProcessRun run = ProcessRun.of(Duration.ofMinutes(5), Map.of("DISPLAY", ""), launcher(), "run", notebook.toString(), "-o", out.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        // 200 a month at 5 % a year for 10 years, deposits at month end: 200 * ((1 + r)^120 - 1) / r.
        double r = 0.05 / 12;
        String expected = String.format(Locale.ROOT, "%,.2f", 200 * (Math.pow(1 + r, 120) - 1) / r);
        // The kernel saves what a cell wrote into a page element as its output, tagged with the element's id.
        List<String> writtenToTotal = NotebookReader.read(out).pythonCell("planner").orElseThrow().outputs().stream()
                .filter(o -> o instanceof Output.DisplayData d && d.metadata().get("pagebook") instanceof Map<?, ?> m
                        && "total".equals(m.get("target")))
                .map(o -> ((Output.DisplayData) o).data().get("text/html")).toList();
        assertThat(writtenToTotal).containsExactly(expected);
    }

    /** The desktop app runs each notebook's kernel in a host: the installed launcher started with "kernel-host". */
    @Test
    void theInstalledLauncherHostsTheAppsKernels() throws Exception {
        Path venv = WITH_SCIENCE ? installed.resolve("opt/pagebook/lib/science") : null;
        KernelOptions options = new KernelOptions(venv, scratch, KernelOptions.DEFAULT_STREAM_CAP, "{}", false, List.of(), false);
        HostCommand installedHost = new HostCommand(List.of(launcher(), HostCommand.LAUNCHER_ARGUMENT));
        try (HostedKernel kernel = HostedKernel.start(options, installedHost)) {
            kernel.ready().get(5, TimeUnit.MINUTES);
            String code = WITH_SCIENCE ? "import numpy\nint(numpy.arange(10).sum())" : "sum(range(10))";
            List<Output> outputs = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutionReply reply = kernel.execute("c", code, outputs::add).get(5, TimeUnit.MINUTES);
            assertThat(reply.status()).as("%s", outputs).isEqualTo(ExecutionReply.Status.OK);
            assertThat(outputs).singleElement().isInstanceOfSatisfying(Output.ExecuteResult.class,
                    r -> assertThat(r.data()).containsEntry("text/plain", "45"));
            assertThat(ProcessHandle.of(kernel.hostPid()).flatMap(h -> h.info().command()))
                    .hasValueSatisfying(command -> assertThat(command).endsWith("/opt/pagebook/bin/Pagebook"));
        }
    }

    @Test
    void theBundledScienceVenvImportsNumpyAndDrawsWithMatplotlib() throws Exception {
        assumeTrue(WITH_SCIENCE, "packaged without the science venv (pass -Dpagebook.installer.science=true to include it)");
        assertThat(installed.resolve("opt/pagebook/lib/science/bin/python")).isRegularFile();
        Path notebook = Files.copy(ROOT.resolve("samples/sine-wave.html"), scratch.resolve("sine-wave.html"));
        Path out = scratch.resolve("sine-wave.out.html");
        ProcessRun run = ProcessRun.of(Duration.ofMinutes(10), Map.of("DISPLAY", "", "PAGEBOOK_VENV", ""), launcher(), "run",
                notebook.toString(), "-o", out.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        dev.pagebook.format.Notebook ran = NotebookReader.read(out);
        assertThat(ran.pythonCell("imports").orElseThrow().outputs()).anySatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(Output.Stream.class, s -> assertThat(s.text()).startsWith("numpy 2.2.6, matplotlib 3.10.8")));
        // display(fig, target="plot"): the figure is written into the plot element as a PNG image, as PyScript does.
        List<String> plotted = ran.pythonCells().stream().flatMap(c -> c.outputs().stream())
                .filter(o -> o instanceof Output.DisplayData d && d.metadata().get("pagebook") instanceof Map<?, ?> m
                        && "plot".equals(m.get("target")))
                .map(o -> String.valueOf(((Output.DisplayData) o).data().get("text/html"))).toList();
        assertThat(plotted).hasSize(1);
        BufferedImage plot = pngIn(plotted.get(0));
        assertThat(plot.getWidth()).isBetween(600, 800);
        assertThat(plot.getHeight()).isBetween(300, 400);
        assertThat(bluePixels(plot)).as("pixels of the blue sine line (#2f6fde)").isGreaterThan(1000);
    }

    private static BufferedImage pngIn(String html) throws IOException {
        org.jsoup.nodes.Element img = org.jsoup.Jsoup.parseBodyFragment(html).selectFirst("img[src^=data:image/png;base64,]");
        assertThat(img).as("a PNG image in " + html.substring(0, Math.min(200, html.length()))).isNotNull();
        byte[] png = Base64.getDecoder().decode(img.attr("src").substring("data:image/png;base64,".length()));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int bluePixels(BufferedImage image) {
        int near = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - 0x2F) <= 40 && Math.abs((rgb >> 8 & 0xFF) - 0x6F) <= 40
                        && Math.abs((rgb & 0xFF) - 0xDE) <= 40) {
                    near++;
                }
            }
        }
        return near;
    }

    @Test
    void theRpmInstallsTheSameFilesAndDesktopEntry() throws Exception {
        String files = ProcessRun.of(Duration.ofMinutes(1), Map.of(), "rpm", "-qpl", rpm.toString()).output();
        assertThat(files).contains("/opt/pagebook/bin/Pagebook", "/opt/pagebook/lib/app/pagebook-app.jar",
                "/opt/pagebook/lib/pagebook-Pagebook.desktop", "/opt/pagebook/lib/runtime/lib/server/libjvm.so");
        assertThat(files).doesNotContain("MimeInfo.xml");
        String scripts = ProcessRun.of(Duration.ofMinutes(1), Map.of(), "rpm", "-qp", "--scripts", rpm.toString()).output();
        assertThat(scripts).contains("xdg-desktop-menu install /opt/pagebook/lib/pagebook-Pagebook.desktop",
                        "ln -sf /opt/pagebook/bin/Pagebook /usr/bin/pagebook", "rm -f /usr/bin/pagebook")
                .doesNotContain("xdg-mime default");
        assertThat(ProcessRun.of(Duration.ofMinutes(1), Map.of(), "rpm", "-qpR", rpm.toString()).output()).contains("xdg-utils");
    }

    private static Path packageIn(Path dir, String namePattern) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(namePattern)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + namePattern + " in " + dir));
        }
    }

    private String launcher() {
        return installed.resolve("opt/pagebook/bin/Pagebook").toString();
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains("=") && !line.startsWith("#"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
    }

    private static long sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1_000_000;
        }
    }
}
