package dev.pagebook.app.science;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs kernel/science/build-venv.sh (numpy and matplotlib for GraalPy) as a child process and
 * turns its progress lines into a fraction done. The app stays usable meanwhile; kernels get the
 * venv when the build reports its path. No JavaFX here: callers marshal to the FX thread.
 */
public final class ScienceVenvBuild {

    /** What the build said last: a fraction (0-1), a one-line message, and the log so far. */
    public record Progress(double fraction, String message, String line) {
    }

    /**
     * Relative cost of each step, from a cold build on a 2-core machine (kernel/science/README.md):
     * numpy dominates.
     */
    private static final Map<String, Double> STEP_WEIGHTS = new LinkedHashMap<>();

    static {
        STEP_WEIGHTS.put("resolve GraalPy jars", 0.2);
        STEP_WEIGHTS.put("create venv", 0.1);
        STEP_WEIGHTS.put("record CDS archive", 0.2);
        STEP_WEIGHTS.put("ensurepip", 0.5);
        STEP_WEIGHTS.put("build numpy", 16.0);
        STEP_WEIGHTS.put("build contourpy", 2.0);
        STEP_WEIGHTS.put("build kiwisolver", 2.0);
        STEP_WEIGHTS.put("build pillow", 2.0);
        STEP_WEIGHTS.put("build matplotlib", 4.0);
        STEP_WEIGHTS.put("install requirements", 2.0);
    }

    private static final Pattern NOTE = Pattern.compile("^\\[science \\+[^]]*] (.*)$");
    private static final Pattern DONE = Pattern.compile("^(.+?): done in .*$");
    private static final Pattern SKIPPED = Pattern.compile("^(\\S+) \\S+: wheel already in the wheelhouse$");
    private static final String RESULT = "PAGEBOOK_SCIENCE_VENV=";

    private final Path script;
    private double done;
    private String current = "starting";

    public ScienceVenvBuild(Path script) {
        this.script = script;
    }

    /**
     * The builder named by {@code -Dpagebook.venv.builder} (bin/pagebook sets it when it runs from
     * a source checkout); empty for an installed app, whose package carries the venv.
     */
    public static Optional<ScienceVenvBuild> configured() {
        String path = System.getProperty("pagebook.venv.builder", "");
        if (path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            return Optional.empty();
        }
        return Optional.of(new ScienceVenvBuild(Path.of(path)));
    }

    /**
     * Builds (a no-op when the venv is complete), reporting progress; returns the venv's path.
     * Blocks: call it off the FX thread.
     */
    public Path run(Consumer<Progress> progress) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("PAGEBOOK_NO_BUILD", "1");
        Process process = builder.start();
        Path venv = null;
        StringBuilder tail = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                tail.append(line).append('\n');
                if (tail.length() > 20_000) {
                    tail.delete(0, tail.length() - 10_000);
                }
                if (line.startsWith(RESULT)) {
                    venv = Path.of(line.substring(RESULT.length()).trim());
                    continue;
                }
                Progress now = accept(line);
                if (now != null) {
                    progress.accept(now);
                }
            }
        } finally {
            if (process.isAlive()) {
                process.destroy();
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || venv == null) {
            throw new IOException("building numpy and matplotlib for GraalPy failed (exit " + exit + "):\n" + tail);
        }
        return venv;
    }

    /** Folds one line of the script's output into the progress; null for lines that change nothing. */
    Progress accept(String line) {
        Matcher note = NOTE.matcher(line);
        if (!note.matches()) {
            return null;
        }
        String text = note.group(1).trim();
        Matcher finished = DONE.matcher(text);
        Matcher skipped = SKIPPED.matcher(text);
        if (finished.matches()) {
            done += weight(finished.group(1));
        } else if (skipped.matches()) {
            done += weight("build " + skipped.group(1));
        } else if (text.endsWith("...") || text.contains(" ... (log:")) {
            current = text.replaceFirst(" \\.\\.\\..*$", "");
        }
        double total = STEP_WEIGHTS.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Progress(Math.min(1.0, done / total), "Building numpy and matplotlib for GraalPy: " + current, text);
    }

    private static double weight(String step) {
        return STEP_WEIGHTS.entrySet().stream().filter(e -> step.startsWith(e.getKey()))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0);
    }
}
