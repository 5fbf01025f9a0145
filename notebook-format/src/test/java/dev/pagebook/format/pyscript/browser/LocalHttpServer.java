package dev.pagebook.format.pyscript.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a folder on 127.0.0.1 like a static host (GitHub Pages): ETags with 304 answers, and
 * counts the body bytes it sends so tests can tell what a page really downloaded.
 */
public final class LocalHttpServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(".html", "text/html; charset=utf-8",
            ".js", "text/javascript", ".mjs", "text/javascript", ".css", "text/css", ".wasm", "application/wasm",
            ".json", "application/json", ".zip", "application/zip", ".whl", "application/zip");

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Path root;
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public LocalHttpServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + path;
    }

    public long bodyBytes() {
        return bodyBytes.get();
    }

    public long requests() {
        return requests.get();
    }

    public void resetCounters() {
        bodyBytes.set(0);
        requests.set(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(Math.max(0, name.lastIndexOf('.'))), "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            bodyBytes.addAndGet(body.length);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
