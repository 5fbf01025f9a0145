package dev.pagebook.format.pyscript.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Debian's Chromium, headless, with a fresh profile; hands out a CDP session to its page. */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getProperty("pagebook.chromium", "/usr/bin/chromium"));
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path profile;
    private final int port;

    /** @param offline route everything but loopback to a dead proxy, so nothing can reach the internet */
    public HeadlessChromium(boolean offline) throws IOException {
        profile = Files.createTempDirectory("pagebook-chromium");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=1200,900"));
        if (offline) {
            command.add("--proxy-server=127.0.0.1:9");
        }
        command.add("about:blank");
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        int found = -1;
        for (String line; (line = stderr.readLine()) != null; ) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                found = Integer.parseInt(matcher.group(1));
                break;
            }
        }
        if (found < 0) {
            throw new IOException("Chromium did not start (" + EXECUTABLE + ")");
        }
        port = found;
        Thread drain = new Thread(() -> {
            try {
                stderr.lines().forEach(line -> { });
            } catch (java.io.UncheckedIOException closed) {
                // Chromium exited; nothing more to drain
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    public static boolean available() {
        return Files.isExecutable(EXECUTABLE);
    }

    public CdpSession page() throws IOException, InterruptedException {
        HttpResponse<String> list = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(list.body())) {
            if (target.path("type").asText().equals("page")) {
                return new CdpSession(target.path("webSocketDebuggerUrl").asText());
            }
        }
        throw new IOException("Chromium has no page target");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Chromium's helper processes outlive the browser process for a moment and keep writing the profile.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle helper : helpers) {
            helper.destroy();
            try {
                helper.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                helper.destroyForcibly();
            }
        }
        deleteProfile();
    }

    private void deleteProfile() throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                return;
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException vanished) {
                if (attempt == 5) {
                    throw new IOException("could not delete the Chromium profile " + profile, vanished);
                }
                Thread.sleep(200);
            }
        }
    }
}
