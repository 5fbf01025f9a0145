package dev.pagebook.format.pyscript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Exports a notebook page as a PyScript page ({@code linked}, {@code offline}, {@code site}) or as
 * a static page. The notebook's own markup and code are kept byte for byte; the export adds a
 * small runtime that shows the saved outputs at once, starts Python, and swaps each cell's saved
 * outputs for live ones. See docs/export.md.
 */
public final class PyScriptExporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "<!-- added by Pagebook's export -->\n";
    /** The kernel's magics (%time, !ls, %%html...), shipped in pages whose cells use them. */
    private static final String MAGICS = "/dev/pagebook/format/python/pagebook_magics.py";
    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*(%%?|!)\\w", Pattern.MULTILINE);

    private final RuntimeAssets assets;
    private final BrowserPackageResolver resolver;

    public PyScriptExporter(RuntimeAssets assets) {
        this.assets = assets;
        this.resolver = new BrowserPackageResolver(assets);
    }

    /** Exports the notebook file at {@code notebook}; it is only read. */
    public static ExportResult export(Path notebook, ExportOptions options) {
        String html;
        try {
            html = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(notebook))).toString();
        } catch (CharacterCodingException e) {
            throw new ExportException(notebook + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ExportException(notebook + ": cannot read (" + e.getMessage() + ")");
        }
        ExportOptions withModules = options.moduleFolder() != null ? options
                : options.withModuleFolder(notebook.toAbsolutePath().getParent());
        return new PyScriptExporter(options.assets()).export(html, notebook.getFileName().toString(), withModules);
    }

    /**
     * Exports a notebook given as HTML text; {@code sourceName} names it in messages. The page
     * carries the modules the cells import from {@link ExportOptions#moduleFolder()}.
     */
    public ExportResult export(String notebookHtml, String sourceName, ExportOptions options) {
        PageSplicer page = new PageSplicer(notebookHtml);
        PageConfig declared = PageConfig.of(page.document(), sourceName);
        boolean python = options.mode() != ExportMode.STATIC;
        List<String> imported = python ? ImportedPackages.infer(page.document(), declared.packages(), assets) : List.of();
        PageConfig config = declared.withMorePackages(imported);
        LocalModules modules = python ? LocalModules.find(options.moduleFolder(), ImportedPackages.modules(page.document()))
                : LocalModules.NONE;
        page.removePyScriptLoaders();
        PageWrites.apply(page, notebookHtml, sourceName);
        try {
            ExportResult result = switch (options.mode()) {
                case STATIC -> exportStatic(page, options);
                case LINKED -> exportLinked(page, config, modules, options);
                case OFFLINE -> exportOffline(page, config, modules, options);
                case SITE -> exportSite(page, config, modules, options);
            };
            List<String> notes = new ArrayList<>(modules.notes());
            if (!imported.isEmpty()) {
                notes.add(0, "the cells import " + String.join(", ", imported)
                        + " (not in the page's PyScript config): added to the packages the page loads");
            }
            if (notes.isEmpty()) {
                return result;
            }
            notes.addAll(result.notes());
            return new ExportResult(result.page(), result.files(), result.bytes(), result.packages(), List.copyOf(notes));
        } catch (IOException e) {
            throw new ExportException("cannot write " + options.output() + ": " + e.getMessage());
        }
    }

    private ExportResult exportStatic(PageSplicer page, ExportOptions options) throws IOException {
        page.removeAll("py-config");
        page.appendToHead(MARK + "<style id=\"pagebook-style\">\n" + resource("page-runtime.css") + "</style>\n");
        Path file = write(options.output(), page.result());
        return new ExportResult(file, List.of(file), Files.size(file), List.of(), List.of());
    }

    private ExportResult exportLinked(PageSplicer page, PageConfig config, LocalModules modules, ExportOptions options) throws IOException {
        RuntimeVersions versions = assets.versions();
        Map<String, Object> manifest = manifest("linked", config.values(), List.of(), modules, usesMagics(page));
        manifest.put("core", versions.coreUrl());
        manifest.put("css", versions.coreCssUrl());
        manifest.put("interpreter", versions.pyodideCdnBase() + "pyodide.mjs");
        addRuntime(page, manifest, "");
        Path file = write(options.output(), page.result());
        List<String> notes = config.packages().isEmpty() ? List.of()
                : List.of("packages load from Pyodide's CDN (and PyPI) when the page opens: " + String.join(", ", config.packages()));
        return new ExportResult(file, List.of(file), Files.size(file), config.packages(), notes);
    }

    private ExportResult exportOffline(PageSplicer page, PageConfig config, LocalModules modules, ExportOptions options) throws IOException {
        assets.requireRuntime();
        BrowserPackages packages = resolver.resolve(config.packages());
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("pyscript-core.js", assets.coreBundle());
        files.put("pyscript-core.css", assets.coreCss());
        for (String name : RuntimeAssets.PYODIDE_FILES) {
            if (!name.equals("pyodide-lock.json")) {
                files.put(name, assets.pyodideFile(name));
            }
        }
        packages.wheels().forEach(wheel -> files.put(wheel.getFileName().toString(), wheel));

        Map<String, Object> embedded = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        int index = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            embedded.put(file.getKey(), embed(body, index++, Files.readAllBytes(file.getValue()), mediaType(file.getKey())));
        }
        embedded.put("pyodide-lock.json", embed(body, index, packages.lockJson().getBytes(StandardCharsets.UTF_8), "application/json"));

        Map<String, Object> manifest = manifest("offline", config.withoutPackages(), packages.names(), modules, usesMagics(page));
        manifest.put("assets", embedded);
        addRuntime(page, manifest, body.toString());
        Path file = write(options.output(), page.result());
        return new ExportResult(file, List.of(file), Files.size(file), packages.names(), packages.notes());
    }

    private ExportResult exportSite(PageSplicer page, PageConfig config, LocalModules modules, ExportOptions options) throws IOException {
        assets.requireRuntime();
        BrowserPackages packages = resolver.resolve(config.packages());
        Path folder = options.output();
        Files.createDirectories(folder);

        Map<String, byte[]> pyodide = new LinkedHashMap<>();
        for (String name : RuntimeAssets.PYODIDE_FILES) {
            pyodide.put(name, name.equals("pyodide-lock.json")
                    ? packages.lockJson().getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(assets.pyodideFile(name)));
        }
        for (Path wheel : packages.wheels()) {
            pyodide.put(wheel.getFileName().toString(), Files.readAllBytes(wheel));
        }
        Map<String, byte[]> core = new LinkedHashMap<>();
        core.put("core.js", Files.readAllBytes(assets.coreBundle()));
        core.put("core.css", Files.readAllBytes(assets.coreCss()));

        List<Path> written = new ArrayList<>();
        String pyodideDir = "pyodide-" + assets.versions().pyodide() + "-" + contentHash(pyodide) + "/";
        String coreDir = "pyscript-" + assets.versions().pyscriptCore() + "-" + contentHash(core) + "/";
        List<String> immutable = new ArrayList<>();
        for (var folderFiles : List.of(Map.entry(pyodideDir, pyodide), Map.entry(coreDir, core))) {
            for (Map.Entry<String, byte[]> file : folderFiles.getValue().entrySet()) {
                String path = folderFiles.getKey() + file.getKey();
                written.add(writeBytes(folder.resolve(path), file.getValue()));
                immutable.add("./" + path);
            }
        }

        Map<String, Object> manifest = manifest("site", config.withoutPackages(), packages.names(), modules, usesMagics(page));
        manifest.put("core", "./" + coreDir + "core.js");
        manifest.put("css", "./" + coreDir + "core.css");
        manifest.put("pyodideDir", "./" + pyodideDir);
        manifest.put("serviceWorker", "./sw.js");
        addRuntime(page, manifest, "");
        Path index = write(folder.resolve("index.html"), page.result());
        written.add(0, index);

        String worker = resource("service-worker.js")
                .replace("__PAGEBOOK_VERSION__", contentHash(Map.of("page", Files.readAllBytes(index),
                        "runtime", (pyodideDir + coreDir).getBytes(StandardCharsets.UTF_8))))
                .replace("__PAGEBOOK_IMMUTABLE__", json(immutable));
        written.add(write(folder.resolve("sw.js"), worker));
        long bytes = 0;
        for (Path file : written) {
            bytes += Files.size(file);
        }
        return new ExportResult(index, written, bytes, packages.names(), packages.notes());
    }

    private Map<String, Object> manifest(String mode, Map<String, Object> config, List<String> packages, LocalModules modules,
                                         boolean usesMagics) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("mode", mode);
        manifest.put("pyodideVersion", assets.versions().pyodide());
        manifest.put("config", config);
        manifest.put("packages", packages);
        manifest.put("modules", modules.files());
        if (usesMagics) {
            manifest.put("magics", resource(MAGICS));
        }
        manifest.put("driver", resource("page_runtime.py"));
        return manifest;
    }

    private static boolean usesMagics(PageSplicer page) {
        return ImportedPackages.cellSources(page.document()).stream().anyMatch(code -> MAGIC_LINE.matcher(code).find());
    }

    /**
     * Only the output styles go into {@code <head>}; the manifest, the runtime and (offline) the
     * embedded files go at the end of {@code <body>}, and PyScript's stylesheet is added by the
     * runtime, so nothing is loaded or parsed before the saved outputs are painted.
     */
    private static void addRuntime(PageSplicer page, Map<String, Object> manifest, String embedded) {
        page.appendToHead(MARK + "<style id=\"pagebook-style\">\n" + resource("page-runtime.css") + "</style>\n");
        page.appendToBody(MARK + "<script type=\"application/json\" id=\"pagebook-export\">" + json(manifest) + "</script>\n"
                + "<script id=\"pagebook-boot\">\n" + resource("page-runtime.js") + "</script>\n" + embedded);
    }

    /** Appends one gzip+base64 asset element; returns how the page runtime finds it. */
    private static Map<String, String> embed(StringBuilder body, int index, byte[] content, String type) throws IOException {
        String id = "pagebook-asset-" + index;
        body.append("<script type=\"application/x-pagebook-asset\" id=\"").append(id).append("\">")
                .append(Base64.getEncoder().encodeToString(gzip(content))).append("</script>\n");
        return Map.of("id", id, "type", type);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(content);
        }
        return out.toByteArray();
    }

    private static String mediaType(String name) {
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        if (name.endsWith(".wasm")) {
            return "application/wasm";
        }
        return name.endsWith(".json") ? "application/json" : "application/zip";
    }

    private static String contentHash(Map<String, byte[]> files) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update(file.getValue());
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON safe inside a script element. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("</", "<\\/").replace("<!--", "<\\!--");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path writeBytes(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.write(file, content);
    }

    static String resource(String name) {
        try (InputStream in = PyScriptExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
