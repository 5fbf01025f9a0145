package dev.pagebook.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.pagebook.format.json.Json;
import dev.pagebook.format.model.PyScriptConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes PyScript config text (TOML or JSON) into the typed {@link PyScriptConfig}. */
final class ConfigCodec {
    private ConfigCodec() {
    }

    private static final TomlMapper TOML = new TomlMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** @throws IllegalArgumentException with a one-line reason when the text is not valid config */
    static PyScriptConfig parse(String text, PyScriptConfig.Syntax syntax, PyScriptConfig.Location location, String src) {
        JsonNode tree;
        try {
            tree = text.isBlank() ? JSON.createObjectNode()
                    : syntax == PyScriptConfig.Syntax.TOML ? TOML.readTree(text) : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid " + syntax + ": " + Json.describe(e), e);
        }
        if (tree == null || tree.isMissingNode()) {
            tree = JSON.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("the config must be a table/object, not " + tree.getNodeType());
        }
        List<String> packages = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        String interpreter = null;
        Map<String, Object> other = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "packages" -> {
                    if (!value.isArray()) {
                        throw new IllegalArgumentException("'packages' must be a list of strings");
                    }
                    value.forEach(p -> packages.add(p.asText()));
                }
                case "files" -> {
                    if (!value.isObject()) {
                        throw new IllegalArgumentException("'files' must be a table of source = destination");
                    }
                    value.properties().forEach(f -> files.put(f.getKey(), f.getValue().asText()));
                }
                case "interpreter" -> interpreter = value.asText();
                default -> other.put(field.getKey(), JSON.convertValue(value, Object.class));
            }
        }
        return new PyScriptConfig(packages, files, interpreter, other, location, syntax, src);
    }

    /** The config as text in its own syntax (TOML or compact JSON). */
    static String write(PyScriptConfig config) {
        ObjectNode tree = JSON.createObjectNode();
        if (!config.packages().isEmpty()) {
            config.packages().forEach(tree.putArray("packages")::add);
        }
        if (!config.files().isEmpty()) {
            ObjectNode files = tree.putObject("files");
            config.files().forEach(files::put);
        }
        if (config.interpreter() != null) {
            tree.put("interpreter", config.interpreter());
        }
        config.other().forEach((k, v) -> tree.set(k, JSON.valueToTree(v)));
        try {
            return config.syntax() == PyScriptConfig.Syntax.TOML ? TOML.writeValueAsString(tree) : JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
