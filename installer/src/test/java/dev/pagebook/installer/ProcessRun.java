package dev.pagebook.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command the integration tests ran to its end: exit code and output (stdout and stderr together). */
record ProcessRun(int exit, String output) {

    static ProcessRun of(Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        return of(timeout, env, List.of(command));
    }

    /** Runs {@code command} with {@code env} added to this process's environment; an empty value removes the variable. */
    static ProcessRun of(Duration timeout, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        env.forEach((key, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        // A file, not a pipe: a long build's output must not fill a pipe nobody reads while waiting.
        Path log = Files.createTempFile("pagebook-installer-it", ".log");
        try {
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(log));
            }
            return new ProcessRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
