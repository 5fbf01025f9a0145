package dev.pagebook.app.bench;

import dev.pagebook.app.desktop.FrameRate;
import dev.pagebook.app.editor.CodeEditor;
import dev.pagebook.app.files.RecentFiles;
import dev.pagebook.app.files.RecoveryStore;
import dev.pagebook.app.notebook.NotebookViewModel;
import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.app.window.KernelFactory;
import dev.pagebook.app.window.MainWindow;
import dev.pagebook.app.window.NotebookTab;
import dev.pagebook.app.window.Theme;
import dev.pagebook.kernel.KernelStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Prints the app's speed figures (issue 4): open a 1000-cell notebook to interactive, key press
 * to glyph while a cell runs, a pure-Python cell's run time in the window, preview refresh on a
 * 50-cell notebook, app start to window. Runs the
 * real window and the real kernel; needs a display (xvfb-run -a bin/build -pl app test-compile exec:exec@benchmark).
 * {@code JDK_JAVA_OPTIONS=-Dbench.typingOnly=true} measures typing (and the cell) alone; {@code -Dbench.line=N} types at
 * the start of line N of the cell (13 by default).
 */
public final class AppBenchmark {

    private static MainWindow window;

    private AppBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("pagebook-bench");
        boolean all = !Boolean.getBoolean("bench.typingOnly");
        if (all) {
            System.out.println("startup  app start to window (ms, separate JVMs): " + startToWindow(3));
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        FrameRate.applyDefault();
        Platform.startup(() -> {
            window = new MainWindow(new Stage(), new BackgroundTasks(Throwable::printStackTrace), KernelFactory.graalPy(),
                    new RecoveryStore(dir.resolve("recovery")), new RecentFiles(Preferences.userRoot().node("dev/pagebook/bench")),
                    Theme.LIGHT);
            window.stage().show();
            started.complete(null);
        });
        started.get();
        if (all) {
            openThousandCells(dir);
        }
        keyToGlyphWhileRunning();
        cellSpeedInWindow();
        if (all) {
            previewRefresh(dir);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void openThousandCells(Path dir) throws Exception {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head><title>big</title></head>\n<body>\n");
        for (int i = 0; i < 500; i++) {
            html.append("<h2>Section ").append(i).append("</h2>\n<p>Some text for section ").append(i).append(".</p>\n");
            html.append("<script type=\"py\" id=\"c").append(i).append("\">\nx").append(i).append(" = ").append(i)
                    .append("\nprint('cell ', x").append(i).append(")\n</script>\n");
        }
        html.append("</body>\n</html>\n");
        Path file = dir.resolve("thousand.html");
        Files.writeString(file, html);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            CompletableFuture<Integer> open = new CompletableFuture<>();
            Platform.runLater(() -> {
                int before = window.tabs().getTabs().size();
                window.open(file);
                waitUntil(() -> window.tabs().getTabs().size() > before, () -> open.complete(window.currentTab().notebook().cells().size()));
            });
            int cells = open.get(60, TimeUnit.SECONDS);
            // Interactive = a frame has been laid out with the tab, and the FX thread answers again.
            CompletableFuture<Void> frame = new CompletableFuture<>();
            Platform.runLater(() -> Platform.runLater(() -> frame.complete(null)));
            frame.get();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("open     1000-cell notebook (" + cells + " cells) to interactive: " + ms + " ms (round " + (round + 1) + ")");
            Platform.runLater(() -> {
                NotebookTab tab = window.currentTab();
                tab.notebook().close();
                window.tabs().getTabs().remove(tab);
            });
        }
    }

    /** A cell of ordinary size whose last lines keep the kernel busy for a minute. */
    private static final String TYPED_CELL = """
            import math
            import time
            from collections import Counter


            def mean(values):
                \"\"\"The arithmetic mean of a non-empty sequence.\"\"\"
                return sum(values) / len(values)


            def spread(values):
                m = mean(values)
                return math.sqrt(sum((v - m) ** 2 for v in values) / len(values))


            def histogram(words, top=10):
                counts = Counter(w.lower().strip(".,;:!?") for w in words)
                return [(word, n) for word, n in counts.most_common(top) if word]


            samples = [math.sin(i / 10) * 100 + i % 7 for i in range(1000)]
            summary = {"mean": mean(samples), "spread": spread(samples), "n": len(samples)}
            print(f"mean {summary['mean']:.2f}, spread {summary['spread']:.2f}")
            print(histogram("the quick brown fox jumps over the lazy dog the end".split()))

            start = time.time()
            while time.time() - start < 60:
                sum(range(1000))
            """;

    private static void keyToGlyphWhileRunning() throws Exception {
        CompletableFuture<NotebookTab> tabReady = new CompletableFuture<>();
        Platform.runLater(() -> tabReady.complete(window.newNotebook()));
        NotebookTab tab = tabReady.get();
        NotebookViewModel vm = tab.notebook();
        awaitFx(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE, 300);
        CompletableFuture<CodeEditor> editorReady = new CompletableFuture<>();
        Platform.runLater(() -> {
            vm.cells().get(0).sourceProperty().set(TYPED_CELL);
            vm.runCell(0);
            CodeEditor editor = findEditor(tab, 1);
            editor.requestFocus();
            editor.moveTo(editor.getAbsolutePosition(Integer.getInteger("bench.line", 13), 0));
            editorReady.complete(editor);
        });
        CodeEditor editor = editorReady.get();
        awaitFx(() -> vm.kernelStatusProperty().get() == KernelStatus.BUSY, 60);
        typeAndMeasure(editor, "while a cell runs", 20);
        typeAndMeasure(editor, "while a cell runs, at a typist's pace", 110);
        Platform.runLater(vm::interrupt);
        awaitFx(() -> !vm.isRunning(), 60);
        typeAndMeasure(editor, "with the kernel idle, at a typist's pace", 110);
    }

    /**
     * A pure-Python cell run from the window, where the status bar's busy mark turns and JavaFX
     * pulses for as long as it runs: on 2 cores whatever the window repaints is taken from the kernel.
     */
    private static void cellSpeedInWindow() throws Exception {
        CompletableFuture<NotebookTab> tabReady = new CompletableFuture<>();
        Platform.runLater(() -> tabReady.complete(window.newNotebook()));
        NotebookViewModel vm = tabReady.get().notebook();
        awaitFx(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE, 300);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Platform.runLater(() -> {
                vm.cells().get(0).sourceProperty().set("total = 0\nfor i in range(30_000_000):\n    total += i % 7\ntotal");
                vm.runCell(0);
            });
            awaitFx(() -> !vm.isRunning() && vm.cells().get(0).lastRunTimeProperty().get() != null, 300);
            CompletableFuture<Double> took = new CompletableFuture<>();
            Platform.runLater(() -> took.complete(vm.cells().get(0).lastRunTimeProperty().get().toNanos() / 1e9));
            seconds.add(took.get());
            Platform.runLater(() -> vm.cells().get(0).lastRunTimeProperty().set(null));
        }
        System.out.printf("kernel   a pure-Python cell run in the window, 6 runs (s): %s%n", seconds.stream()
                .map(v -> String.format("%.2f", v)).toList());
    }

    /**
     * Types 120 characters, one every {@code pauseMs} or so, and splits each key's latency into
     * handling the event, waiting for the next pulse (JavaFX lays out and paints once per pulse, 120
     * times a second with {@link FrameRate}, so that wait is up to one frame whatever the key's
     * handling does) and that pulse's layout. At a
     * typist's pace the background syntax colouring lands between key strokes.
     */
    private static void typeAndMeasure(CodeEditor editor, String when, int pauseMs) throws Exception {
        List<Double> latencies = new ArrayList<>();
        List<Double> handling = new ArrayList<>();
        List<Double> waiting = new ArrayList<>();
        List<Double> layout = new ArrayList<>();
        List<Double> work = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            CompletableFuture<Double> measured = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                int before = editor.getLength();
                KeyEvent typed = new KeyEvent(KeyEvent.KEY_TYPED, "a", "a", KeyCode.UNDEFINED, false, false, false, false);
                editor.fireEvent(typed);
                long handled = System.nanoTime();
                long[] pulse = new long[1];
                Runnable[] pre = new Runnable[1];
                pre[0] = () -> {
                    pulse[0] = System.nanoTime();
                    editor.getScene().removePreLayoutPulseListener(pre[0]);
                };
                Runnable[] post = new Runnable[1];
                post[0] = () -> {
                    if (editor.getLength() > before) {
                        long end = System.nanoTime();
                        editor.getScene().removePostLayoutPulseListener(post[0]);
                        handling.add((handled - t0) / 1e6);
                        waiting.add((pulse[0] - handled) / 1e6);
                        layout.add((end - pulse[0]) / 1e6);
                        work.add((handled - t0 + end - pulse[0]) / 1e6);
                        measured.complete((end - t0) / 1e6);
                    }
                };
                editor.getScene().addPreLayoutPulseListener(pre[0]);
                editor.getScene().addPostLayoutPulseListener(post[0]);
            });
            latencies.add(measured.get(10, TimeUnit.SECONDS));
            Thread.sleep(pauseMs + i % 7);
        }
        System.out.printf("typing   key press to laid-out glyph %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)%n",
                when, pct(latencies, 50), pct(latencies, 95), Collections.max(latencies), latencies.size());
        System.out.printf("         the app's work (handling + layout) p50 %.1f ms, p95 %.1f ms; of it handling the key %.1f / %.1f ms,"
                + " layout %.1f / %.1f ms; waiting for the pulse %.1f / %.1f ms%n", pct(work, 50), pct(work, 95),
                pct(handling, 50), pct(handling, 95), pct(layout, 50), pct(layout, 95), pct(waiting, 50), pct(waiting, 95));
    }

    /** The editor of the running cell itself: typing there while it runs is the case to measure. */
    private static CodeEditor findEditor(NotebookTab tab, int index) {
        return (CodeEditor) tab.getContent().lookupAll(".python-editor").stream().findFirst().orElseThrow();
    }

    private static void previewRefresh(Path dir) throws Exception {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head><title>fifty</title></head>\n<body>\n");
        for (int i = 0; i < 50; i++) {
            html.append("<h3>Part ").append(i).append("</h3>\n<script type=\"py\" id=\"p").append(i).append("\">print(")
                    .append(i).append(" * 2)</script>\n");
        }
        html.append("</body>\n</html>\n");
        Path file = dir.resolve("fifty.html");
        Files.writeString(file, html);
        CompletableFuture<NotebookTab> open = new CompletableFuture<>();
        Platform.runLater(() -> {
            int before = window.tabs().getTabs().size();
            window.open(file);
            waitUntil(() -> window.tabs().getTabs().size() > before, () -> open.complete(window.currentTab()));
        });
        NotebookTab tab = open.get(60, TimeUnit.SECONDS);
        NotebookViewModel vm = tab.notebook();
        awaitFx(() -> vm.kernelStatusProperty().get() == KernelStatus.IDLE && tab.preview().loads() > 0, 300);
        List<Double> incremental = new ArrayList<>();
        List<Double> runToPage = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int cell = 1 + 2 * (i % 50 / 2);
            CompletableFuture<Double> done = new CompletableFuture<>();
            long[] t0 = new long[1];
            Platform.runLater(() -> {
                String id = vm.cells().get(cell).id();
                NotebookViewModel.PageListener probe = new NotebookViewModel.PageListener() {
                    @Override
                    public void outputsChanged(String cellId, List<dev.pagebook.format.model.Output> outputs) {
                        if (cellId.equals(id) && !done.isDone()) {
                            // The preview's listener ran first: the DOM holds the output now.
                            done.complete((System.nanoTime() - t0[0]) / 1e6);
                        }
                    }

                    @Override
                    public void pageChanged() {
                    }
                };
                vm.addPageListener(probe);
                t0[0] = System.nanoTime();
                vm.runCell(cell);
            });
            runToPage.add(done.get(60, TimeUnit.SECONDS));
            // The refresh itself: replace one cell's outputs in the live page.
            CompletableFuture<Double> refresh = new CompletableFuture<>();
            Platform.runLater(() -> {
                String id = vm.cells().get(cell).id();
                long s = System.nanoTime();
                tab.preview().outputsChanged(id, List.copyOf(vm.cells().get(cell).outputs()));
                refresh.complete((System.nanoTime() - s) / 1e6);
            });
            incremental.add(refresh.get());
        }
        System.out.printf("preview  50-cell page, output refresh in place: p50 %.2f ms, p95 %.2f ms (n=%d)%n",
                pct(incremental, 50), pct(incremental, 95), incremental.size());
        System.out.printf("preview  run request to output in the page (kernel run included): p50 %.1f ms, p95 %.1f ms%n",
                pct(runToPage, 50), pct(runToPage, 95));
        List<Double> reloads = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            CompletableFuture<Double> reloaded = new CompletableFuture<>();
            Platform.runLater(() -> {
                long before = tab.preview().loads();
                long s = System.nanoTime();
                tab.preview().reload();
                waitUntil(() -> tab.preview().loads() > before, () -> reloaded.complete((System.nanoTime() - s) / 1e6));
            });
            reloads.add(reloaded.get(30, TimeUnit.SECONDS));
        }
        System.out.printf("preview  50-cell page, full reload (structure edits): p50 %.1f ms, p95 %.1f ms (n=%d)%n",
                pct(reloads, 50), pct(reloads, 95), reloads.size());
    }

    /** Launches the app in fresh JVMs (same flags as this one) and reads the time it reports. */
    private static String startToWindow(int runs) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.pagebook.app.Main"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PAGEBOOK_REPORT_STARTUP", "1");
            Process p = pb.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("pagebook: window shown ")) {
                        times.add(Long.parseLong(line.split(" ")[3]));
                        break;
                    }
                }
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return times.toString();
    }

    private static void waitUntil(Supplier<Boolean> condition, Runnable then) {
        if (condition.get()) {
            then.run();
        } else {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(5));
            wait.setOnFinished(e -> waitUntil(condition, then));
            wait.play();
        }
    }

    private static void awaitFx(Supplier<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> now = new CompletableFuture<>();
            Platform.runLater(() -> now.complete(condition.get()));
            if (now.get()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
