package dev.pagebook.format.pyscript;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's PyScript configuration (from {@code <py-config>} or the first Python cell's
 * {@code config} attribute, TOML or JSON), which the exported page hands to its driver script.
 */
record PageConfig(Map<String, Object> values) {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    static PageConfig of(Document page, String source) {
        Element element = page.selectFirst("py-config");
        String text = null;
        String type = null;
        if (element != null) {
            text = element.wholeText();
            type = element.attr("type");
        } else {
            Element cell = page.selectFirst("script[type=py][config]");
            if (cell != null) {
                text = cell.attr("config");
                if (!text.strip().startsWith("{") && !text.contains("=")) {
                    throw new ExportException(source + ": the config file '" + text
                            + "' is not inlined; put the configuration in a <py-config> element to export");
                }
            }
        }
        if (text == null || text.isBlank()) {
            return new PageConfig(new LinkedHashMap<>());
        }
        boolean json = "json".equalsIgnoreCase(type) || text.strip().startsWith("{");
        try {
            return new PageConfig(json ? new ObjectMapper().readValue(text, MAP) : new TomlMapper().readValue(text, MAP));
        } catch (IOException e) {
            throw new ExportException(source + ": the PyScript configuration is not valid "
                    + (json ? "JSON" : "TOML") + ": " + firstLine(e.getMessage()));
        }
    }

    List<String> packages() {
        Object packages = values.get("packages");
        return packages instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The configuration with more packages (after the ones it names). */
    PageConfig withMorePackages(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        List<String> all = new java.util.ArrayList<>(packages());
        all.addAll(more);
        copy.put("packages", all);
        return new PageConfig(copy);
    }

    /** The configuration with its packages taken out (the export's own loader installs them). */
    Map<String, Object> withoutPackages() {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove("packages");
        return copy;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
