package dev.pagebook.format.pyscript.browser;

import dev.pagebook.format.pyscript.RuntimeAssets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a page's requests for the pinned CDN URLs from the local runtime cache (this machine
 * has no internet), through the DevTools Fetch domain; anything else on the internet fails.
 */
public final class CdnEmulator {

    private final AtomicLong served = new AtomicLong();

    public CdnEmulator(CdpSession page, RuntimeAssets assets) {
        String core = "https://cdn.jsdelivr.net/npm/@pyscript/core@" + assets.versions().pyscriptCore() + "/dist/";
        String pyodide = assets.versions().pyodideCdnBase();
        page.on("Fetch.requestPaused", event -> {
            String url = event.path("request").path("url").asText();
            String requestId = event.path("requestId").asText();
            Path file = null;
            if (url.startsWith(core)) {
                file = assets.coreDir().resolve("dist").resolve(url.substring(core.length()));
            } else if (url.startsWith(pyodide)) {
                String name = url.substring(pyodide.length());
                file = Files.exists(assets.pyodideFile(name)) ? assets.pyodideFile(name) : assets.packagesDir().resolve(name);
            }
            try {
                if (file != null && Files.isRegularFile(file)) {
                    byte[] body = Files.readAllBytes(file);
                    served.addAndGet(body.length);
                    page.sendAsync("Fetch.fulfillRequest", Map.of("requestId", requestId, "responseCode", 200,
                            "responseHeaders", List.of(Map.of("name", "Content-Type", "value", type(file)),
                                    Map.of("name", "Access-Control-Allow-Origin", "value", "*")),
                            "body", Base64.getEncoder().encodeToString(body)));
                } else {
                    page.sendAsync("Fetch.failRequest", Map.of("requestId", requestId, "errorReason", "InternetDisconnected"));
                }
            } catch (IOException e) {
                page.sendAsync("Fetch.failRequest", Map.of("requestId", requestId, "errorReason", "Failed"));
            }
        });
        page.send("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "https://*"))));
    }

    public long bytesServed() {
        return served.get();
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript";
        }
        if (name.endsWith(".wasm")) {
            return "application/wasm";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        return name.endsWith(".json") ? "application/json" : "application/octet-stream";
    }
}
