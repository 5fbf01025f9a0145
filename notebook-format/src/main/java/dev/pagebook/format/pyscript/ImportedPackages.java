package dev.pagebook.format.pyscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Packages a page imports without naming them in its config (a notebook imported from Jupyter,
 * say, imports numpy with no {@code packages}). PyScript installs only what the config names, so
 * the export adds each imported top-level module that a Pyodide package provides (Pyodide's lock
 * file lists the modules of every package it builds).
 */
final class ImportedPackages {

    private static final Pattern IMPORT = Pattern.compile("^[ \\t]*import[ \\t]+([^#\\n;]+)", Pattern.MULTILINE);
    private static final Pattern FROM = Pattern.compile("^[ \\t]*from[ \\t]+([A-Za-z_][\\w.]*)[ \\t]+import\\b", Pattern.MULTILINE);

    private ImportedPackages() {
    }

    /** Pyodide packages imported by the page's Python cells and not in {@code declared}, in import order. */
    static List<String> infer(Document page, List<String> declared, RuntimeAssets assets) {
        Path lockFile = assets.pyodideFile("pyodide-lock.json");
        if (!Files.isRegularFile(lockFile)) {
            return List.of();
        }
        JsonNode packages;
        try {
            packages = new ObjectMapper().readTree(lockFile.toFile()).path("packages");
        } catch (IOException unreadable) {
            return List.of();
        }
        Set<String> have = new LinkedHashSet<>();
        declared.forEach(spec -> have.add(normalize(spec.split("[<>=!~\\[ ;]", 2)[0])));
        Set<String> added = new LinkedHashSet<>();
        for (String module : modules(page)) {
            for (Map.Entry<String, JsonNode> entry : packages.properties()) {
                String name = entry.getKey();
                if (!have.contains(normalize(name)) && !added.contains(name)
                        && contains(entry.getValue().path("imports"), module)) {
                    added.add(name);
                }
            }
        }
        return new ArrayList<>(added);
    }

    private static boolean contains(JsonNode imports, String module) {
        for (JsonNode name : imports) {
            if (name.asText().equals(module)) {
                return true;
            }
        }
        return false;
    }

    /** The source of each inline Python cell, in page order. */
    static List<String> cellSources(Document page) {
        List<String> sources = new ArrayList<>();
        for (Element cell : page.select("script[type=py], script[type=mpy], py-script, mpy-script")) {
            if (!cell.hasAttr("src")) {
                sources.add(cell.normalName().equals("script") ? cell.data() : cell.wholeText());
            }
        }
        return sources;
    }

    /** Top-level module names the cells import (relative imports aside). */
    static Set<String> modules(Document page) {
        Set<String> modules = new LinkedHashSet<>();
        for (String code : cellSources(page)) {
            Matcher from = FROM.matcher(code);
            while (from.find()) {
                modules.add(from.group(1).split("\\.")[0]);
            }
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                for (String part : imports.group(1).replaceAll("[()\\\\]", " ").split(",")) {
                    String name = part.strip().split("\\s+")[0];
                    if (name.matches("[A-Za-z_][\\w.]*")) {
                        modules.add(name.split("\\.")[0]);
                    }
                }
            }
        }
        return modules;
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
