package dev.pagebook.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line, {@code bin/pagebook}, as a user would, each call in a fresh JVM:
 * GraalPy loads numpy's native code into one context per process, so samples cannot share one.
 */
final class PagebookCli {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path SAMPLES = ROOT.resolve("samples");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    record Result(int exit, String stdout, String stderr) {
        String describe() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private PagebookCli() {
    }

    static Result pagebook(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/pagebook").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("pagebook-cli", ".out");
        Path err = Files.createTempFile("pagebook-cli", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // The reactor has just built app/target; never rebuild from inside the build.
            builder.environment().put("PAGEBOOK_NO_BUILD", "1");
            // bin/setup builds the science venv before the tests; a test never starts that long build.
            builder.environment().put("PAGEBOOK_NO_VENV_BUILD", "1");
            builder.environment().remove("DISPLAY");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("pagebook " + String.join(" ", args) + " did not finish within " + TIMEOUT
                        + "\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
