package dev.pagebook.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/pagebook's fast start (bin/lib/runtime.sh) from an empty cache: it links Pagebook's runtime,
 * trains an AOT cache, and then runs a notebook with GraalPy's classes from that cache and the
 * Graal JIT still on (the compiler moves from the upgrade module path to the plain one there).
 */
class FastStartIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path cache;

    @TempDir
    Path work;

    @Test
    void anEmptyCacheGetsARuntimeAndAnAotCacheAndTheRunLoadsGraalPyFromItWithTheJit() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the fast start needs JDK 25 (AOT cache); older JDKs run as before");

        ProcessRun version = pagebook(Map.of(), "--version");
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("Python JIT: GraalVM CE").doesNotContain("sun.misc.Unsafe");
        assertThat(files(cache.resolve("runtime"), "java")).anyMatch(java -> java.endsWith(Path.of("bin/java")));
        assertThat(files(cache.resolve("aot"), ".aot")).hasSize(1);

        Path notebook = Files.writeString(work.resolve("nb.html"),
                "<!doctype html>\n<h1>fast</h1>\n<script type=\"py\">\nprint(6 * 7)\n</script>\n");
        Path out = work.resolve("out.html");
        ProcessRun run = pagebook(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info"), "run", notebook.toString(), "-o", out.toString());
        assertThat(run.exit()).as(tail(run.output())).isZero();
        assertThat(run.output()).contains("com.oracle.graal.python.PythonLanguage source: shared objects file")
                .doesNotContain("[error][aot]");
        assertThat(Files.readString(out)).contains("42");

        ProcessRun jdk = pagebook(Map.of("PAGEBOOK_AOT", "0"), "--version");
        assertThat(jdk.exit()).as(jdk.output()).isZero();
        assertThat(jdk.output()).contains("Python JIT: GraalVM CE").doesNotContain("sun.misc.Unsafe");
        assertThat(files(cache.resolve("aot"), ".aot")).as("a second launch reuses the cache").hasSize(1);

        List<String> desktop = desktopUntilItsWindowShows();
        assertThat(desktop).anyMatch(line -> line.startsWith("pagebook: window shown "));
        assertThat(desktop).as("the training run opened the window, so its classes come from the cache")
                .anyMatch(line -> line.contains("dev.pagebook.app.window.MainWindow source: shared objects file"))
                .anyMatch(line -> line.contains("javafx.scene.web.WebView source: shared objects file"))
                .noneMatch(line -> line.contains("[error][aot]"));
    }

    /** The desktop app on a virtual display, with its class loading logged, stopped once its window is up. */
    private List<String> desktopUntilItsWindowShows() throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v xvfb-run").start().waitFor() == 0, "needs xvfb-run");
        ProcessBuilder builder = new ProcessBuilder("xvfb-run", "-a", ROOT.resolve("bin/pagebook").toString()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PAGEBOOK_CACHE", cache.toString(), "PAGEBOOK_NO_BUILD", "1", "PAGEBOOK_NO_VENV_BUILD", "1",
                "PAGEBOOK_REPORT_STARTUP", "1", "JDK_JAVA_OPTIONS", "-Xlog:class+load=info", "HOME", work.toString()));
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("pagebook: window shown ")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // The process was stopped under the reader; what it read is the answer.
            }
        });
        reader.join(Duration.ofMinutes(2));
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private ProcessRun pagebook(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/pagebook").toString()));
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(Map.of("PAGEBOOK_CACHE", cache.toString(), "PAGEBOOK_NO_BUILD", "1",
                "PAGEBOOK_NO_VENV_BUILD", "1", "DISPLAY", ""));
        environment.putAll(env);
        return ProcessRun.of(Duration.ofMinutes(5), environment, command);
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
}
