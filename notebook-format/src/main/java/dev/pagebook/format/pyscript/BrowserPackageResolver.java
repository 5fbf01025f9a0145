package dev.pagebook.format.pyscript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds browser wheels for a page's {@code packages}: Pyodide's lock file names each package (with
 * its dependencies) built for this Pyodide ABI. A wheel is taken from the local cache, else from
 * Pyodide's CDN (checked against the lock's sha256), else — for pure-Python wheels — from PyPI.
 * Packages Pyodide does not build must be pure-Python wheels on PyPI.
 */
public final class BrowserPackageResolver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final RuntimeAssets assets;
    private final HttpClient http;

    public BrowserPackageResolver(RuntimeAssets assets) {
        this.assets = assets;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public BrowserPackages resolve(List<String> requested) {
        JsonNode lock = readLock();
        JsonNode available = lock.path("packages");
        Map<String, JsonNode> closure = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String spec : requested) {
            String name = normalize(requirementName(spec));
            if (available.has(name)) {
                addWithDependencies(name, available, closure);
            } else {
                pureWheelFromPyPi(name, pinnedVersion(spec)).ifPresentOrElse(entry -> {
                    closure.put(name, entry);
                    notes.add(name + " is not built by Pyodide " + assets.versions().pyodide()
                            + "; using its pure-Python wheel from PyPI (its own dependencies are not added)");
                }, () -> missing.add(name + ": neither Pyodide " + assets.versions().pyodide()
                        + " nor PyPI has a browser (pure-Python or pyemscripten) wheel"));
            }
        }
        ObjectNode shipped = JSON.createObjectNode();
        List<Path> wheels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> package_ : closure.entrySet()) {
            ObjectNode entry = package_.getValue().deepCopy();
            Optional<Path> wheel = findWheel(entry);
            if (wheel.isEmpty()) {
                missing.add(unobtainable(entry));
                continue;
            }
            entry.put("sha256", sha256(wheel.get()));
            shipped.set(package_.getKey(), entry);
            wheels.add(wheel.get());
        }
        if (!missing.isEmpty()) {
            throw new ExportException("no browser wheel for " + String.join("; ", missing)
                    + ". Alternatives: export with --mode linked (the page loads packages from Pyodide's CDN when"
                    + " opened), or put the wheel files into " + assets.packagesDir() + " and export again");
        }
        ObjectNode trimmed = JSON.createObjectNode();
        trimmed.set("info", lock.path("info"));
        trimmed.set("packages", shipped);
        try {
            return new BrowserPackages(List.copyOf(shipped.properties().stream().map(Map.Entry::getKey).toList()),
                    wheels, JSON.writeValueAsString(trimmed), notes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readLock() {
        try {
            return JSON.readTree(assets.pyodideFile("pyodide-lock.json").toFile());
        } catch (IOException e) {
            throw new ExportException("cannot read Pyodide's lock file " + assets.pyodideFile("pyodide-lock.json")
                    + ": " + e.getMessage());
        }
    }

    private static void addWithDependencies(String name, JsonNode available, Map<String, JsonNode> closure) {
        if (closure.containsKey(name)) {
            return;
        }
        JsonNode entry = available.get(name);
        closure.put(name, entry);
        for (JsonNode dependency : entry.path("depends")) {
            addWithDependencies(normalize(dependency.asText()), available, closure);
        }
    }

    private Optional<Path> findWheel(JsonNode entry) {
        String fileName = entry.path("file_name").asText();
        Path cached = assets.packagesDir().resolve(fileName);
        if (Files.isRegularFile(cached)) {
            return Optional.of(cached);
        }
        String cdnUrl = assets.versions().pyodideCdnBase() + fileName;
        if (download(cdnUrl, cached) && sha256(cached).equals(entry.path("sha256").asText())) {
            return Optional.of(cached);
        }
        quietlyDelete(cached);
        if (isPureWheel(fileName)) {
            return pypiFile(entry.path("name").asText(), fileName).filter(url -> download(url, cached)).map(url -> cached);
        }
        return Optional.empty();
    }

    private String unobtainable(JsonNode entry) {
        String fileName = entry.path("file_name").asText();
        return entry.path("name").asText() + " " + entry.path("version").asText() + " (" + fileName
                + " is only on Pyodide's CDN, " + assets.versions().pyodideCdnBase() + ", which could not be reached"
                + (isPureWheel(fileName) ? ", nor on PyPI" : "; PyPI has no wheel for this Pyodide ABI") + ")";
    }

    /** A pure-Python wheel of {@code name} on PyPI, as a lock entry; the newest unless pinned. */
    private Optional<JsonNode> pureWheelFromPyPi(String name, String pinned) {
        Optional<JsonNode> files = pypiFiles(name);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        JsonNode best = null;
        String bestVersion = null;
        for (JsonNode file : files.get()) {
            String fileName = file.path("filename").asText();
            if (!isPureWheel(fileName) || file.path("yanked").asBoolean(false)) {
                continue;
            }
            String version = fileName.split("-")[1];
            if (pinned != null ? version.equals(pinned) : best == null || compareVersions(version, bestVersion) > 0) {
                best = file;
                bestVersion = version;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("name", name);
        entry.put("version", bestVersion);
        entry.put("file_name", best.path("filename").asText());
        entry.put("install_dir", "site");
        entry.put("package_type", "package");
        entry.putArray("imports");
        entry.putArray("depends");
        entry.put("sha256", best.path("hashes").path("sha256").asText());
        Path cached = assets.packagesDir().resolve(best.path("filename").asText());
        if (!Files.isRegularFile(cached) && !download(best.path("url").asText(), cached)) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private Optional<String> pypiFile(String name, String fileName) {
        return pypiFiles(name).flatMap(files -> {
            for (JsonNode file : files) {
                if (file.path("filename").asText().equals(fileName)) {
                    return Optional.of(file.path("url").asText());
                }
            }
            return Optional.empty();
        });
    }

    private Optional<JsonNode> pypiFiles(String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://pypi.org/simple/" + name + "/"))
                .header("Accept", "application/vnd.pypi.simple.v1+json").timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body()).path("files")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean download(String url, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build();
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                quietlyDelete(partial);
                return false;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isPureWheel(String fileName) {
        return fileName.endsWith("-none-any.whl");
    }

    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    static String requirementName(String spec) {
        return spec.split("[<>=!~\\[;@ ]", 2)[0];
    }

    private static String pinnedVersion(String spec) {
        int at = spec.indexOf("==");
        return at < 0 ? null : spec.substring(at + 2).trim();
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("[.]");
        String[] right = b.split("[.]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int compared = l.matches("\\d+") && r.matches("\\d+")
                    ? Long.compare(Long.parseLong(l), Long.parseLong(r)) : l.compareTo(r);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial download is replaced on the next attempt
        }
    }
}
